package dev.gatehouse.directory.ldap;

import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DomainMembership;
import dev.gatehouse.identity.port.DomainJoiner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.filter.FilterEncoder;
import org.apache.directory.api.ldap.model.message.AddRequestImpl;
import org.apache.directory.api.ldap.model.message.AddResponse;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.ModifyRequestImpl;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.client.KrbClient;
import org.apache.kerby.kerberos.kerb.client.KrbConfig;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.keytab.Keytab;
import org.apache.kerby.kerberos.kerb.keytab.KeytabEntry;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;

/**
 * Joins Gatehouse to an Active Directory domain or Entra Domain Services as a computer, the way a domain member does,
 * over LDAPS as the site's service account:
 *
 * <ol>
 *   <li>the machine name must be free (an existing account is never taken over);
 *   <li>the computer account is created in the computer OU with a random 120-character password (set as
 *       {@code unicodePwd}, which the directory accepts over TLS only) and {@code WORKSTATION_TRUST_ACCOUNT};
 *   <li>its {@code dNSHostName}, the service principal names {@code HOST/<name>} and {@code HOST/<fqdn>}, and AES-only
 *       encryption types ({@code msDS-SupportedEncryptionTypes} 24: RC4 is gone from Entra Domain Services);
 *   <li>a keytab with the AES-256 and AES-128 keys of {@code NAME$}, {@code host/<fqdn>} and {@code host/NAME}, derived
 *       with Active Directory's salt for computers ({@code REALMhost<name>.<domain>}) at the account's key version;
 *   <li>a Kerberos AS exchange with that keytab proves it (Apache Kerby: no JVM-wide {@code krb5.conf}).
 * </ol>
 *
 * A step that fails after the account exists removes the account again, so a failed join leaves nothing behind.
 */
public final class LdapDomainJoin implements DomainJoiner {
    public static final String CONNECT = "connect";
    public static final String CHECK_NAME = "check the machine name";
    public static final String CREATE = "create the computer account";
    public static final String PRINCIPALS = "set the host name, service principal names and AES encryption types";
    public static final String KEYTAB = "write the keytab";
    public static final String PROVE = "prove the keytab with a Kerberos login";
    public static final String REMOVE = "remove the computer account";

    private static final int WORKSTATION_TRUST_ACCOUNT = 0x1000;
    /** AES128_CTS_HMAC_SHA1_96 | AES256_CTS_HMAC_SHA1_96. */
    private static final int AES_ONLY = 0x8 | 0x10;

    private static final int KERBEROS_PORT = 88;
    private static final String PASSWORD_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%+-./:=?@^_~";

    private final LdapDirectoryLogins connections;
    private final int timeoutMillis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LdapDomainJoin(LdapDirectoryLogins connections, int timeoutMillis, Clock clock) {
        this.connections = connections;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
    }

    @Override
    public DomainMembership join(DirectorySettings settings, Progress progress) {
        String name = settings.machineName();
        if (name == null) {
            progress.failed(CONNECT, "the site's directory has no machineName");
            throw new JoinFailedException("set machineName (at most 15 characters) in the site's directory settings");
        }
        LdapDirectoryLogins.ServiceConnection bound = connect(settings, progress);
        try (LdapNetworkConnection connection = bound.connection()) {
            progress.started(CHECK_NAME, name + "$");
            Optional<String> holder = computer(connection, settings, name);
            if (holder.isPresent()) {
                throw fail(
                        progress,
                        CHECK_NAME,
                        "a computer account named " + name + " exists (" + holder.get() + "); leave the domain from"
                                + " the site that made it, remove it, or choose another machineName");
            }
            progress.done(CHECK_NAME, name + " is free");

            String dn = "CN=" + Rdn.escapeValue(name) + "," + settings.computerContainer();
            char[] password = password();
            progress.started(CREATE, dn);
            LdapResult created = add(connection, dn, name, password);
            if (created.getResultCode() != ResultCodeEnum.SUCCESS) {
                throw fail(progress, CREATE, words(created) + hint(created.getResultCode(), settings));
            }
            progress.done(CREATE, dn);
            try {
                return finish(connection, settings, bound.controller(), dn, name, password, progress);
            } catch (JoinFailedException e) {
                undo(connection, dn, progress);
                throw e;
            } catch (RuntimeException e) {
                progress.failed("join", e.toString());
                undo(connection, dn, progress);
                throw new JoinFailedException("the join stopped: " + e);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        } catch (LdapException | IOException e) {
            throw fail(progress, CONNECT, bound.controller() + ": " + e.getMessage());
        }
    }

    private DomainMembership finish(
            LdapNetworkConnection connection,
            DirectorySettings settings,
            String controller,
            String dn,
            String name,
            char[] password,
            Progress progress)
            throws LdapException {
        String fqdn = name.toLowerCase(Locale.ROOT) + "." + settings.domain();
        progress.started(PRINCIPALS, "HOST/" + name + ", HOST/" + fqdn);
        ModifyRequestImpl modify = new ModifyRequestImpl();
        modify.setName(new Dn(dn));
        modify.replace("dNSHostName", fqdn);
        modify.replace("servicePrincipalName", "HOST/" + name, "HOST/" + fqdn);
        modify.replace("msDS-SupportedEncryptionTypes", Integer.toString(AES_ONLY));
        LdapResult principals = connection.modify(modify).getLdapResult();
        if (principals.getResultCode() != ResultCodeEnum.SUCCESS) {
            throw fail(
                    progress,
                    PRINCIPALS,
                    words(principals)
                            + (principals.getResultCode() == ResultCodeEnum.CONSTRAINT_VIOLATION
                                    ? "; another account already has one of these service principal names"
                                    : ""));
        }
        progress.done(PRINCIPALS, "dNSHostName " + fqdn + "; AES-128 and AES-256 only");

        progress.started(KEYTAB, "");
        Entry account = connection.lookup(dn, "objectGUID", "msDS-KeyVersionNumber");
        if (account == null || account.get("objectGUID") == null) {
            throw fail(progress, KEYTAB, dn + " cannot be read back");
        }
        UUID guid = LdapDirectoryLogins.guid(account.get("objectGUID").getBytes());
        int kvno = LdapDirectoryLogins.text(account, "msDS-KeyVersionNumber")
                .map(Integer::parseInt)
                .orElse(1);
        byte[] keytab;
        try {
            keytab = keytab(settings, name, fqdn, password, kvno);
        } catch (KrbException | IOException e) {
            throw fail(progress, KEYTAB, "the keys could not be derived: " + e.getMessage());
        }
        progress.done(
                KEYTAB,
                "AES-256 and AES-128 keys of " + name + "$, host/" + fqdn + " and host/" + name + ", key version "
                        + kvno);

        String principal = name + "$@" + settings.realm();
        progress.started(PROVE, principal + " at " + kdc(controller));
        Optional<String> refused = kerberosLogin(settings, controller, principal, keytab);
        if (refused.isPresent()) {
            throw fail(progress, PROVE, refused.get());
        }
        progress.done(PROVE, "the KDC issued a ticket-granting ticket to " + principal);
        return new DomainMembership(
                settings.site(),
                name,
                dn,
                guid,
                fqdn,
                controller,
                kvno,
                new DomainMembership.Keytab(keytab),
                clock.instant());
    }

    @Override
    public void leave(DirectorySettings settings, DomainMembership membership, Progress progress) {
        LdapDirectoryLogins.ServiceConnection bound = connect(settings, progress);
        try (LdapNetworkConnection connection = bound.connection()) {
            progress.started(REMOVE, membership.computerDn());
            Entry account = connection.lookup(membership.computerDn(), "objectGUID");
            if (account == null) {
                progress.done(REMOVE, "the account was already gone");
                return;
            }
            UUID guid = LdapDirectoryLogins.guid(account.get("objectGUID").getBytes());
            if (!guid.equals(membership.objectGuid())) {
                throw fail(
                        progress,
                        REMOVE,
                        membership.computerDn() + " is another account now (objectGUID " + guid + ", not "
                                + membership.objectGuid() + "); it was left alone");
            }
            LdapResult deleted =
                    connection.delete(deleteRequest(membership.computerDn())).getLdapResult();
            if (deleted.getResultCode() != ResultCodeEnum.SUCCESS) {
                throw fail(progress, REMOVE, words(deleted));
            }
            progress.done(REMOVE, membership.computerDn() + " removed");
        } catch (LdapException e) {
            throw fail(progress, REMOVE, bound.controller() + ": " + e.getMessage());
        }
    }

    @Override
    public List<DiagnosticCheck> health(DirectorySettings settings, DomainMembership membership) {
        List<DiagnosticCheck> checks = new ArrayList<>();
        String target = membership.machineName();
        List<String> steps = new ArrayList<>();
        Progress quiet = silent(steps);
        try (LdapNetworkConnection connection = connect(settings, quiet).connection()) {
            Entry account = connection.lookup(membership.computerDn(), "objectGUID");
            if (account != null
                    && membership
                            .objectGuid()
                            .equals(LdapDirectoryLogins.guid(
                                    account.get("objectGUID").getBytes()))) {
                checks.add(DiagnosticCheck.passed("computer account", target, membership.computerDn() + " is present"));
            } else {
                checks.add(DiagnosticCheck.failed(
                        "computer account",
                        target,
                        membership.computerDn() + " is gone or is another account",
                        "join the domain again (leave first to forget the old membership)"));
            }
        } catch (JoinFailedException | LdapException e) {
            checks.add(DiagnosticCheck.failed(
                    "computer account",
                    target,
                    steps.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", steps),
                    "run the preflight: the controllers or the service account do not answer"));
        }
        String principal = membership.principal(settings.realm());
        Optional<String> refused = kerberosLogin(
                settings,
                membership.controller(),
                principal,
                membership.keytab().bytes());
        checks.add(
                refused.isEmpty()
                        ? DiagnosticCheck.passed("keytab", target, "the KDC accepts the keytab of " + principal)
                        : DiagnosticCheck.failed(
                                "keytab",
                                target,
                                refused.get(),
                                "the account's password changed or the account is gone: leave and join again"));
        return checks;
    }

    /** A connection to the first controller that answers, bound as the service account. */
    private LdapDirectoryLogins.ServiceConnection connect(DirectorySettings settings, Progress progress) {
        progress.started(CONNECT, String.join(", ", settings.controllers()));
        try {
            LdapDirectoryLogins.ServiceConnection bound = connections.bindAsService(settings);
            progress.done(
                    CONNECT,
                    "bound to " + bound.controller() + " as "
                            + settings.service().orElseThrow().name());
            return bound;
        } catch (LdapDirectoryLogins.ServiceUnavailable e) {
            throw fail(progress, CONNECT, e.getMessage());
        }
    }

    /** The DN of the computer account named {@code name}, if any. */
    private static Optional<String> computer(LdapNetworkConnection connection, DirectorySettings settings, String name)
            throws LdapException, IOException {
        return first(
                        connection,
                        settings.baseDn(),
                        "(sAMAccountName=" + FilterEncoder.encodeFilterValue(name + "$") + ")",
                        "1.1")
                .map(entry -> entry.getDn().getName());
    }

    /** The first entry a subtree search finds; continuation references are skipped, never followed. */
    private static Optional<Entry> first(
            LdapNetworkConnection connection, String base, String filter, String... attributes)
            throws LdapException, IOException {
        org.apache.directory.api.ldap.model.message.SearchRequest request =
                new org.apache.directory.api.ldap.model.message.SearchRequestImpl();
        request.setBase(new Dn(base));
        request.setFilter(filter);
        request.setScope(SearchScope.SUBTREE);
        request.addAttributes(attributes);
        try (org.apache.directory.api.ldap.model.cursor.SearchCursor cursor = connection.search(request)) {
            while (cursor.next()) {
                if (cursor.isEntry()) {
                    return Optional.of(cursor.getEntry());
                }
            }
        } catch (org.apache.directory.api.ldap.model.cursor.CursorException e) {
            throw new LdapException(e.getMessage(), e);
        }
        return Optional.empty();
    }

    /**
     * The service account's Kerberos principal, {@code sAMAccountName@REALM}, read from the directory: Active Directory
     * salts a user's keys with the realm and the case-sensitive {@code sAMAccountName}, so a principal spelled any other
     * way derives the wrong key.
     *
     * @throws JoinFailedException when the directory cannot be read or has no such account
     */
    String servicePrincipal(DirectorySettings settings) {
        List<String> problems = new ArrayList<>();
        Progress quiet = silent(problems);
        DirectorySettings.ServiceAccount service = settings.service().orElseThrow();
        try (LdapNetworkConnection connection = connect(settings, quiet).connection()) {
            Optional<Entry> account = service.name().contains("@")
                    ? first(
                            connection,
                            settings.baseDn(),
                            "(userPrincipalName=" + FilterEncoder.encodeFilterValue(service.name()) + ")",
                            "sAMAccountName")
                    : Optional.ofNullable(connection.lookup(service.name(), "sAMAccountName"));
            String prefix =
                    service.name().substring(0, Math.max(0, service.name().lastIndexOf('@')));
            if (account.isEmpty() && service.name().toLowerCase(Locale.ROOT).endsWith("@" + settings.domain())) {
                // an implicit UPN: the account name at the domain (Active Directory accepts it without a UPN set)
                account = first(
                        connection,
                        settings.baseDn(),
                        "(&(objectClass=user)(sAMAccountName=" + FilterEncoder.encodeFilterValue(prefix) + "))",
                        "sAMAccountName");
            }
            Optional<String> name = account.flatMap(entry -> LdapDirectoryLogins.text(entry, "sAMAccountName"));
            if (name.isEmpty()) {
                throw new JoinFailedException("the service account " + service.name() + " has no sAMAccountName to"
                        + " sign in to Kerberos with");
            }
            return name.get() + "@" + settings.realm();
        } catch (LdapException | IOException e) {
            throw new JoinFailedException("the service account cannot be read: " + e.getMessage());
        } catch (JoinFailedException e) {
            throw problems.isEmpty() ? e : new JoinFailedException(String.join("; ", problems));
        }
    }

    private static Progress silent(List<String> problems) {
        return new Progress() {
            @Override
            public void started(String step, String detail) {}

            @Override
            public void done(String step, String detail) {}

            @Override
            public void failed(String step, String detail) {
                problems.add(detail);
            }

            @Override
            public void undone(String step, String detail) {}
        };
    }

    private static LdapResult add(LdapNetworkConnection connection, String dn, String name, char[] password)
            throws LdapException {
        Entry entry = new DefaultEntry(dn);
        entry.add("objectClass", "top", "person", "organizationalPerson", "user", "computer");
        entry.add("cn", name);
        entry.add("sAMAccountName", name + "$");
        entry.add("userAccountControl", Integer.toString(WORKSTATION_TRUST_ACCOUNT));
        entry.add("unicodePwd", ("\"" + new String(password) + "\"").getBytes(StandardCharsets.UTF_16LE));
        AddRequestImpl request = new AddRequestImpl();
        request.setEntry(entry);
        AddResponse response = connection.add(request);
        return response.getLdapResult();
    }

    private void undo(LdapNetworkConnection connection, String dn, Progress progress) {
        try {
            LdapResult deleted = connection.delete(deleteRequest(dn)).getLdapResult();
            if (deleted.getResultCode() == ResultCodeEnum.SUCCESS) {
                progress.undone(CREATE, dn + " removed again");
            } else {
                progress.failed("undo", "remove " + dn + " by hand: " + words(deleted));
            }
        } catch (LdapException | RuntimeException e) {
            progress.failed("undo", "remove " + dn + " by hand: " + e.getMessage());
        }
    }

    /**
     * The account's keys for its principals, with Active Directory's salt for computer accounts (the realm, "host",
     * the lower-case name and the domain), in the MIT keytab format.
     */
    static byte[] keytab(DirectorySettings settings, String name, String fqdn, char[] password, int kvno)
            throws KrbException, IOException {
        String realm = settings.realm();
        String salt = realm + "host" + name.toLowerCase(Locale.ROOT) + "." + settings.domain();
        List<EncryptionKey> keys = List.of(
                EncryptionHandler.string2Key(new String(password), salt, null, EncryptionType.AES256_CTS_HMAC_SHA1_96),
                EncryptionHandler.string2Key(new String(password), salt, null, EncryptionType.AES128_CTS_HMAC_SHA1_96));
        Keytab keytab = new Keytab();
        KerberosTime now = new KerberosTime();
        for (PrincipalName principal : List.of(
                new PrincipalName(name + "$@" + realm, NameType.NT_PRINCIPAL),
                new PrincipalName("host/" + fqdn + "@" + realm, NameType.NT_SRV_HST),
                new PrincipalName("host/" + name + "@" + realm, NameType.NT_SRV_HST))) {
            for (EncryptionKey key : keys) {
                keytab.addEntry(new KeytabEntry(principal, now, kvno, key));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keytab.store(out);
        return out.toByteArray();
    }

    /** An AS exchange for {@code principal} with its password; empty when the KDC issued a ticket. */
    Optional<String> passwordLogin(DirectorySettings settings, String controller, String principal, String password) {
        try {
            client(settings, controller).requestTgt(principal, password);
            return Optional.empty();
        } catch (KrbException e) {
            return Optional.of(kdc(controller) + ":" + KERBEROS_PORT + " refused " + principal + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("the Kerberos login could not run: " + e);
        }
    }

    /** A Kerberos client for the controller's KDC over TCP, configured per call (no JVM-wide krb5.conf). */
    private KrbClient client(DirectorySettings settings, String controller) throws KrbException {
        KrbClient client = new KrbClient(new KrbConfig());
        client.setKdcRealm(settings.realm());
        client.setKdcHost(kdc(controller));
        client.setKdcTcpPort(KERBEROS_PORT);
        client.setAllowUdp(false);
        client.setAllowTcp(true);
        client.setTimeout(timeoutMillis);
        client.init();
        return client;
    }

    /** An AS exchange for {@code principal} with the keytab's keys; empty when the KDC issued a ticket. */
    Optional<String> kerberosLogin(DirectorySettings settings, String controller, String principal, byte[] keytab) {
        Path file = null;
        try {
            file = Files.createTempFile(
                    "gatehouse-keytab",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, keytab);
            client(settings, controller).requestTgt(principal, file.toFile());
            return Optional.empty();
        } catch (KrbException e) {
            return Optional.of(kdc(controller) + ":" + KERBEROS_PORT + " refused " + principal + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Optional.of("the Kerberos login could not run: " + e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of the JVM's temporary directory, readable by this user only
                }
            }
        }
    }

    /** The KDC of a controller: the same host, Kerberos' port. */
    private static String kdc(String controller) {
        return LdapDirectoryLogins.Endpoint.of(controller, DirectorySettings.Transport.LDAPS)
                .host();
    }

    private char[] password() {
        char[] password = new char[120];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length()));
        }
        return password;
    }

    private static org.apache.directory.api.ldap.model.message.DeleteRequest deleteRequest(String dn)
            throws LdapException {
        org.apache.directory.api.ldap.model.message.DeleteRequestImpl request =
                new org.apache.directory.api.ldap.model.message.DeleteRequestImpl();
        request.setName(new Dn(dn));
        return request;
    }

    private static JoinFailedException fail(Progress progress, String step, String detail) {
        progress.failed(step, detail);
        return new JoinFailedException(step + ": " + detail);
    }

    private static String words(LdapResult result) {
        return result.getResultCode() + " "
                + String.valueOf(result.getDiagnosticMessage()).strip();
    }

    private static String hint(ResultCodeEnum code, DirectorySettings settings) {
        return switch (code) {
            case NO_SUCH_OBJECT -> "; the computer OU " + settings.computerContainer() + " does not exist: set"
                    + " computerOu to an existing OU";
            case INSUFFICIENT_ACCESS_RIGHTS -> "; the service account may not create computers there (Entra Domain"
                    + " Services: make it a member of AAD DC Administrators)";
            case UNWILLING_TO_PERFORM -> "; the directory refused the password or the account (it sets passwords over"
                    + " TLS only)";
            case ENTRY_ALREADY_EXISTS -> "; an object of this name exists in the OU";
            default -> "";
        };
    }
}
