package dev.gatehouse.directory.ldap;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.port.DirectoryLogins;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.directory.api.ldap.model.cursor.EntryCursor;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.filter.FilterEncoder;
import org.apache.directory.api.ldap.model.message.BindRequestImpl;
import org.apache.directory.api.ldap.model.message.BindResponse;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * Directory logins against Active Directory or Entra Domain Services with the Apache Directory LDAP API: a simple bind
 * with the user's UPN and password over LDAPS (or StartTLS, refused when TLS cannot start; never in clear), the
 * controller's certificate checked against the site's trusted certificates and its host name; then the user's own
 * entry read with their own rights ({@code objectGUID}, names, mail).
 *
 * <p>Active Directory tells why a bind failed in the diagnostic message ({@code data 52e}, {@code 533}, …); those
 * sub-codes become {@link DirectoryLogins.Reason}s. The controllers are tried in order; the next is tried only when one
 * does not answer within the connect timeout or its TLS handshake fails, never after the directory refused the
 * password (a second controller would count a second failure against the account).
 */
public final class LdapDirectoryLogins implements DirectoryLogins {
    private static final Pattern SUB_CODE = Pattern.compile("data ([0-9a-f]{3,4})", Pattern.CASE_INSENSITIVE);
    private static final String[] ATTRIBUTES = {
        "objectGUID", "userPrincipalName", "sAMAccountName", "displayName", "givenName", "sn", "mail"
    };

    /**
     * Directory logins in progress at a time. Each runs inside the login's database transaction and may wait for a
     * slow controller up to its timeouts, so an unbounded number of them (anyone can post the login page) would hold
     * every database connection; beyond this, a login is refused as unavailable at once.
     */
    static final int MAX_CONCURRENT = 4;

    /** Attributes read as bytes, not text: GUIDs and SIDs (without a schema, the API cannot tell). */
    private static final org.apache.directory.api.ldap.codec.api.BinaryAttributeDetector BINARY = binaryAttributes();

    private final long connectTimeoutMillis;
    private final long operationTimeoutMillis;
    private final java.util.concurrent.Semaphore inProgress = new java.util.concurrent.Semaphore(MAX_CONCURRENT);

    /**
     * How long a controller that did not answer is skipped by logins: while every controller of a site is down, a
     * login fails at once instead of waiting a connect timeout per controller (L7); after it, the first controller is
     * tried again (L4).
     */
    static final java.time.Duration DOWN_FOR = java.time.Duration.ofSeconds(30);

    /** When each controller that did not answer may be tried again, in {@link System#nanoTime()}. */
    private final java.util.Map<String, Long> downUntil = new java.util.concurrent.ConcurrentHashMap<>();

    public LdapDirectoryLogins(long connectTimeoutMillis, long operationTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.operationTimeoutMillis = operationTimeoutMillis;
    }

    @Override
    public Outcome login(DirectorySettings settings, String login, char[] password) {
        if (password.length == 0) {
            // an empty password is an anonymous bind to LDAP, which succeeds without proving anything
            return new Outcome.Refused(Reason.WRONG_PASSWORD, "an empty password");
        }
        TrustManager[] trust;
        try {
            trust = trustManagers(settings.trustedCertificates());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Outcome.Refused(
                    Reason.UNAVAILABLE, "the site's trusted certificates cannot be read: " + e.getMessage());
        }
        if (!inProgress.tryAcquire()) {
            return new Outcome.Refused(
                    Reason.UNAVAILABLE,
                    "more than " + MAX_CONCURRENT + " directory logins at once; this one was refused");
        }
        try {
            String upn = settings.userPrincipalName(login.strip());
            List<String> unreachable = new ArrayList<>();
            for (String controller : settings.controllers()) {
                String key = downKey(settings, controller);
                if (isDown(key)) {
                    unreachable.add(controller + ": did not answer within the last " + DOWN_FOR.toSeconds() + " s");
                    continue;
                }
                Optional<Outcome> outcome = tryController(settings, controller, trust, upn, password, unreachable);
                if (outcome.isPresent()) {
                    return outcome.get();
                }
                markDown(key);
            }
            return new Outcome.Refused(
                    Reason.UNAVAILABLE, "no domain controller answered: " + String.join("; ", unreachable));
        } finally {
            inProgress.release();
        }
    }

    /** The controller's answer, or empty (with the reason added to {@code unreachable}) when it gave none. */
    private Optional<Outcome> tryController(
            DirectorySettings settings,
            String controller,
            TrustManager[] trust,
            String upn,
            char[] password,
            List<String> unreachable) {
        LdapConnectionConfig config = config(settings, controller, trust);
        try (LdapNetworkConnection connection = new LdapNetworkConnection(config)) {
            try {
                connection.connect();
                if (settings.transport() == DirectorySettings.Transport.STARTTLS) {
                    connection.startTls();
                }
            } catch (LdapException | RuntimeException e) {
                unreachable.add(controller + ": " + e.getMessage());
                return Optional.empty();
            }
            BindRequestImpl bind = new BindRequestImpl();
            bind.setName(upn);
            bind.setCredentials(new String(password).getBytes(StandardCharsets.UTF_8));
            BindResponse response;
            try {
                response = connection.bind(bind);
            } catch (LdapException | RuntimeException e) {
                unreachable.add(controller + ": " + e.getMessage());
                return Optional.empty();
            }
            ResultCodeEnum code = response.getLdapResult().getResultCode();
            if (code != ResultCodeEnum.SUCCESS) {
                String diagnostic = String.valueOf(response.getLdapResult().getDiagnosticMessage());
                return Optional.of(
                        new Outcome.Refused(reason(code, diagnostic), controller + ": " + code + " " + diagnostic));
            }
            return Optional.of(readOwnEntry(connection, settings, controller, upn));
        }
    }

    private Outcome readOwnEntry(
            LdapNetworkConnection connection, DirectorySettings settings, String controller, String upn) {
        String filter = "(&(objectClass=user)(userPrincipalName=" + FilterEncoder.encodeFilterValue(upn) + "))";
        try (EntryCursor cursor = connection.search(settings.baseDn(), filter, SearchScope.SUBTREE, ATTRIBUTES)) {
            for (Entry entry : cursor) {
                Attribute guid = entry.get("objectGUID");
                if (guid == null) {
                    continue;
                }
                String principal = text(entry, "userPrincipalName").orElse(upn);
                String display = text(entry, "displayName")
                        .or(() -> text(entry, "givenName")
                                .map(given -> (given + " " + text(entry, "sn").orElse("")).strip()))
                        .orElse(principal);
                return new Outcome.Authenticated(new ExternalIdentity(
                        new LinkKey.DirectoryObject(guid(guid.getBytes())),
                        principal.toLowerCase(Locale.ROOT),
                        display,
                        text(entry, "mail").orElse(null),
                        List.of(),
                        true));
            }
            return new Outcome.Refused(
                    Reason.UNAVAILABLE,
                    controller + ": the password is right, but no user entry with userPrincipalName " + upn + " under "
                            + settings.baseDn());
        } catch (LdapException | java.io.IOException | RuntimeException e) {
            return new Outcome.Refused(Reason.UNAVAILABLE, controller + ": reading the user's entry failed: " + e);
        }
    }

    /** A controller as one site reaches it: other settings (another trusted certificate) try it afresh. */
    private static String downKey(DirectorySettings settings, String controller) {
        return settings.site() + " " + controller + " " + settings.transport() + " "
                + settings.trustedCertificates().hashCode();
    }

    private boolean isDown(String key) {
        Long until = downUntil.get(key);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until >= 0) {
            downUntil.remove(key, until);
            return false;
        }
        return true;
    }

    private void markDown(String key) {
        if (downUntil.size() > 10_000) {
            downUntil.clear(); // bounded: many sites' settings changing cannot grow it without end
        }
        downUntil.put(key, System.nanoTime() + DOWN_FOR.toNanos());
    }

    /** A controller's host and port: {@code host}, {@code host:port}, {@code [v6 address]} or {@code [v6]:port}. */
    record Endpoint(String host, int port) {
        static Endpoint of(String controller, DirectorySettings.Transport transport) {
            int port = transport == DirectorySettings.Transport.LDAPS ? 636 : 389;
            String host = controller;
            if (controller.startsWith("[")) {
                int end = controller.indexOf(']');
                host = controller.substring(1, end);
                if (controller.length() > end + 2 && controller.charAt(end + 1) == ':') {
                    port = Integer.parseInt(controller.substring(end + 2));
                }
            } else if (controller.indexOf(':') > 0) {
                host = controller.substring(0, controller.indexOf(':'));
                port = Integer.parseInt(controller.substring(controller.indexOf(':') + 1));
            }
            return new Endpoint(host, port);
        }
    }

    /** A connection bound as the site's service account, and the controller it reached; the caller closes it. */
    record ServiceConnection(LdapNetworkConnection connection, String controller) {}

    /** No controller answered, or one refused the service account; the message says which and why. */
    static final class ServiceUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        ServiceUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A connection to the first controller that answers, bound as the site's service account (for the sync, the join
     * and the preflight). The next controller is tried when one does not answer; a refused account ends the attempt
     * (another controller would count another failure against it).
     */
    ServiceConnection bindAsService(DirectorySettings settings) throws ServiceUnavailable {
        DirectorySettings.ServiceAccount service = settings.service()
                .orElseThrow(() -> new ServiceUnavailable("the site's directory has no service account; set"
                        + " serviceAccount and servicePassword in its directory settings"));
        List<String> unreachable = new ArrayList<>();
        for (String controller : settings.controllers()) {
            LdapNetworkConnection connection;
            try {
                connection = open(settings, controller);
            } catch (LdapException | GeneralSecurityException | RuntimeException e) {
                unreachable.add(controller + ": " + e.getMessage());
                continue;
            }
            BindResponse response;
            try {
                BindRequestImpl bind = new BindRequestImpl();
                bind.setName(service.name());
                bind.setCredentials(service.password().value().getBytes(StandardCharsets.UTF_8));
                response = connection.bind(bind);
            } catch (LdapException | RuntimeException e) {
                connection.close();
                unreachable.add(controller + ": " + e.getMessage());
                continue;
            }
            ResultCodeEnum code = response.getLdapResult().getResultCode();
            if (code != ResultCodeEnum.SUCCESS) {
                connection.close();
                String diagnostic = String.valueOf(response.getLdapResult().getDiagnosticMessage());
                throw new ServiceUnavailable(controller + ": the service account " + service.name() + " was refused ("
                        + reason(code, diagnostic) + "): " + code + " " + diagnostic
                        + "; check serviceAccount and servicePassword in the site's directory settings");
            }
            return new ServiceConnection(connection, controller);
        }
        throw new ServiceUnavailable("no domain controller answered: " + String.join("; ", unreachable));
    }

    /**
     * A connection to {@code controller} over the site's transport (StartTLS already started), not bound; the caller
     * closes it.
     */
    LdapNetworkConnection open(DirectorySettings settings, String controller)
            throws LdapException, GeneralSecurityException {
        LdapNetworkConnection connection =
                new LdapNetworkConnection(config(settings, controller, trustManagers(settings.trustedCertificates())));
        try {
            connection.connect();
            if (settings.transport() == DirectorySettings.Transport.STARTTLS) {
                connection.startTls();
            }
            return connection;
        } catch (LdapException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private LdapConnectionConfig config(DirectorySettings settings, String controller, TrustManager[] trust) {
        LdapConnectionConfig config = new LdapConnectionConfig();
        Endpoint endpoint = Endpoint.of(controller, settings.transport());
        config.setLdapHost(endpoint.host());
        config.setLdapPort(endpoint.port());
        config.setUseSsl(settings.transport() == DirectorySettings.Transport.LDAPS);
        config.setUseTls(settings.transport() == DirectorySettings.Transport.STARTTLS);
        config.setTrustManagers(trust);
        config.setSslEndpointIdentificationAlgorithm("HTTPS");
        config.setEnabledProtocols("TLSv1.3", "TLSv1.2");
        config.setBinaryAttributeDetector(BINARY);
        config.setConnectTimeout(connectTimeoutMillis);
        config.setTimeout(operationTimeoutMillis);
        return config;
    }

    private static org.apache.directory.api.ldap.codec.api.BinaryAttributeDetector binaryAttributes() {
        var detector = new org.apache.directory.api.ldap.codec.api.DefaultConfigurableBinaryAttributeDetector();
        detector.addBinaryAttribute("objectGUID", "invocationId", "msDS-aadObjectId", "objectSid");
        return detector;
    }

    /** Active Directory's bind sub-codes (also Samba's); anything else is a wrong password. */
    static Reason reason(ResultCodeEnum code, String diagnostic) {
        if (code != ResultCodeEnum.INVALID_CREDENTIALS) {
            return code == ResultCodeEnum.UNAVAILABLE || code == ResultCodeEnum.BUSY
                    ? Reason.UNAVAILABLE
                    : Reason.WRONG_PASSWORD;
        }
        Matcher matcher = SUB_CODE.matcher(diagnostic);
        if (!matcher.find()) {
            return Reason.WRONG_PASSWORD;
        }
        return switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
            case "533" -> Reason.DISABLED;
            case "775" -> Reason.LOCKED;
            case "701", "532" -> Reason.EXPIRED;
            case "773" -> Reason.MUST_CHANGE_PASSWORD;
            default -> Reason.WRONG_PASSWORD;
        };
    }

    /** A Windows GUID as AD stores it (the first three fields little-endian) to a UUID. */
    static UUID guid(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes, not " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        long data1 = buffer.getInt() & 0xffffffffL;
        int data2 = buffer.getShort() & 0xffff;
        int data3 = buffer.getShort() & 0xffff;
        buffer.order(ByteOrder.BIG_ENDIAN);
        long rest = buffer.getLong();
        return new UUID((data1 << 32) | ((long) data2 << 16) | data3, rest);
    }

    static TrustManager[] trustManagers(String pem) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int index = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("trusted-" + index++, certificate);
        }
        if (index == 0) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** An attribute's first value as text, if the entry has it. */
    static Optional<String> text(Entry entry, String name) {
        Attribute attribute = entry.get(name);
        try {
            return attribute == null ? Optional.empty() : Optional.ofNullable(attribute.getString());
        } catch (LdapException e) {
            return Optional.empty();
        }
    }
}
