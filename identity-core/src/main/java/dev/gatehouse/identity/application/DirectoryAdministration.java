package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A site's directory settings, checked field by field when saved. Call inside a transaction. */
public class DirectoryAdministration {
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern CONTROLLER =
            Pattern.compile("([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?|\\[[0-9a-f:]+\\])(:[0-9]{1,5})?");
    /** A user principal name. */
    private static final Pattern SERVICE_UPN = Pattern.compile("[^@\\s,=]{1,256}@[A-Za-z0-9.-]{1,253}");
    /** A distinguished name, loosely: {@code attr=value} RDNs, escaped commas allowed. */
    private static final Pattern DN =
            Pattern.compile("[A-Za-z][A-Za-z0-9-]*=([^,\\\\]|\\\\.)+(,[A-Za-z][A-Za-z0-9-]*=([^,\\\\]|\\\\.)+)*");

    private static final Pattern NETBIOS = Pattern.compile("[A-Z0-9]([A-Z0-9-]{0,13}[A-Z0-9])?");
    static final int MAX_CONTROLLERS = 8;
    static final int MIN_SYNC_INTERVAL = 5;
    static final int MAX_SYNC_INTERVAL = 7 * 24 * 60;

    private final DirectoryRepository directories;
    private final AuditLog auditLog;
    private final Clock clock;

    public DirectoryAdministration(DirectoryRepository directories, AuditLog auditLog, Clock clock) {
        this.directories = directories;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public Optional<DirectorySettings> settings(SiteId site) {
        return directories.find(site);
    }

    /**
     * What an administrator sends for a site's directory.
     *
     * @param servicePassword null keeps the stored one when the account's name is unchanged
     * @param syncIntervalMinutes null for 60 when a service account is set
     */
    public record DirectoryInput(
            String domain,
            List<String> controllers,
            String transport,
            String trustedCertificates,
            Boolean justInTime,
            String serviceAccount,
            Secret servicePassword,
            String searchBase,
            String tenantId,
            Integer syncIntervalMinutes,
            String computerOu,
            String machineName) {
        /** The settings for directory logins only. */
        public static DirectoryInput logins(
                String domain,
                List<String> controllers,
                String transport,
                String trustedCertificates,
                Boolean justInTime) {
            return new DirectoryInput(
                    domain,
                    controllers,
                    transport,
                    trustedCertificates,
                    justInTime,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        @Override
        public String toString() {
            return "DirectoryInput[" + domain + ", " + controllers + ", service account " + serviceAccount + "]";
        }
    }

    public DirectorySettings save(SiteId site, DirectoryInput input, Actor actor) {
        String domain = input.domain();
        List<String> controllers = input.controllers();
        String transport = input.transport();
        String trustedCertificates = input.trustedCertificates();
        Boolean justInTime = input.justInTime();
        Checks checks = new Checks();
        String domainName = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domainName).matches()) {
            checks.fail(
                    "domain",
                    "'" + Texts.printable(domain) + "' is not a DNS domain name; use the domain's name, such as"
                            + " corp.example.com or aaddscontoso.onmicrosoft.com");
        }
        List<String> hosts = new ArrayList<>();
        if (controllers == null || controllers.isEmpty()) {
            checks.fail(
                    "controllers",
                    "name at least one domain controller, such as 10.0.1.4 (Entra Domain Services"
                            + " has two: list both)");
        } else if (controllers.size() > MAX_CONTROLLERS) {
            checks.fail("controllers", "at most " + MAX_CONTROLLERS + " domain controllers");
        } else {
            for (String controller : controllers) {
                String host = controller == null ? "" : controller.strip().toLowerCase(Locale.ROOT);
                if (!CONTROLLER.matcher(host).matches()) {
                    checks.fail(
                            "controllers",
                            "'" + Texts.printable(controller) + "' is not a host name or address with an optional"
                                    + " port, such as dc1.corp.example.com or 10.0.1.4:636");
                }
                hosts.add(host);
            }
        }
        DirectorySettings.Transport chosen = null;
        String mode = transport == null || transport.isBlank()
                ? "ldaps"
                : transport.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "ldaps" -> chosen = DirectorySettings.Transport.LDAPS;
            case "starttls" -> chosen = DirectorySettings.Transport.STARTTLS;
            default -> checks.fail(
                    "transport",
                    "'" + Texts.printable(transport) + "' is not ldaps or starttls (plain LDAP is never"
                            + " used: passwords would cross the network in clear)");
        }
        String pem = trustedCertificates == null ? "" : trustedCertificates.strip();
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            checks.fail(
                    "trustedCertificates",
                    "paste the PEM certificate (or its CA's) the domain controllers present on LDAPS; Entra Domain"
                            + " Services uses the certificate you uploaded for secure LDAP");
        } else if (pem.length() > 100_000) {
            checks.fail("trustedCertificates", "at most 100,000 characters");
        }
        DirectorySettings.ServiceAccount service = serviceAccount(checks, site, input);
        String base = dn(checks, "searchBase", input.searchBase(), domainName, "OU=Staff,");
        EntraTenantId tenant = null;
        if (input.tenantId() != null && !input.tenantId().isBlank()) {
            tenant = checks.attempt(
                    () -> EntraTenantId.parse("tenantId", input.tenantId().strip()));
        }
        boolean syncing =
                input.serviceAccount() != null && !input.serviceAccount().isBlank();
        int interval = !syncing ? 0 : input.syncIntervalMinutes() == null ? 60 : input.syncIntervalMinutes();
        if (interval != 0 && (interval < MIN_SYNC_INTERVAL || interval > MAX_SYNC_INTERVAL)) {
            checks.fail(
                    "syncIntervalMinutes",
                    interval + " is not 0 (sync only on demand) or " + MIN_SYNC_INTERVAL + " to " + MAX_SYNC_INTERVAL
                            + " minutes; the default is 60");
        }
        String ou = dn(checks, "computerOu", input.computerOu(), domainName, "OU=Servers,");
        String machine = machineName(checks, input.machineName());
        checks.throwIfAny();
        DirectorySettings settings = new DirectorySettings(
                site,
                domainName,
                hosts,
                chosen,
                pem,
                justInTime == null || justInTime,
                service,
                base,
                tenant,
                interval,
                ou,
                machine,
                clock.instant());
        directories.save(settings);
        auditLog.append(dev.gatehouse.identity.domain.AuditEvent.of(
                clock.instant(),
                site,
                actor,
                AuditType.SITE_UPDATED,
                "directory",
                true,
                "directory " + domainName + " at " + String.join(", ", hosts) + " over " + chosen
                        + (service == null
                                ? ""
                                : "; sync as " + service.name() + " from " + settings.syncBase()
                                        + (interval == 0 ? " on demand" : " every " + interval + " minutes"))));
        return settings;
    }

    /** The service account: a UPN or a DN; its password is kept when only other fields change. */
    private DirectorySettings.ServiceAccount serviceAccount(Checks checks, SiteId site, DirectoryInput input) {
        String name =
                input.serviceAccount() == null ? "" : input.serviceAccount().strip();
        if (name.isEmpty()) {
            if (input.servicePassword() != null && !input.servicePassword().isBlank()) {
                checks.fail("serviceAccount", "required with servicePassword: the account the sync binds as");
            }
            if (input.syncIntervalMinutes() != null && input.syncIntervalMinutes() != 0) {
                checks.fail("serviceAccount", "required to sync: the account the sync binds as");
            }
            return null;
        }
        if (name.length() > 512
                || !(SERVICE_UPN.matcher(name).matches() || DN.matcher(name).matches())) {
            checks.fail(
                    "serviceAccount",
                    "'" + Texts.printable(name) + "' is neither a user principal name (svc-gatehouse@corp.example.com)"
                            + " nor a distinguished name (CN=svc-gatehouse,OU=Service Accounts,DC=corp,DC=example,"
                            + "DC=com)");
            return null;
        }
        Secret password = input.servicePassword();
        if (password == null || password.isBlank()) {
            password = directories
                    .find(site)
                    .flatMap(DirectorySettings::service)
                    .filter(stored -> stored.name().equalsIgnoreCase(name))
                    .map(DirectorySettings.ServiceAccount::password)
                    .orElse(null);
            if (password == null) {
                checks.fail("servicePassword", "required: the password of " + Texts.printable(name));
                return null;
            }
        } else if (password.value().length() > 256) {
            checks.fail("servicePassword", "at most 256 characters");
            return null;
        }
        return new DirectorySettings.ServiceAccount(name, password);
    }

    /** A DN inside the domain, such as the search base or the computer OU; empty for the default. */
    private static String dn(Checks checks, String field, String value, String domain, String example) {
        String base = value == null ? "" : value.strip();
        if (base.isEmpty()) {
            return null;
        }
        String naming = "DC=" + String.join(",DC=", domain.split("\\."));
        String normalized = base.replaceAll("(?<!\\\\)\\s*,\\s*", ",");
        if (base.length() > 1000 || !DN.matcher(normalized).matches()) {
            checks.fail(
                    field,
                    "'" + Texts.printable(base) + "' is not a distinguished name; use one such as " + example + naming
                            + ", or leave it empty for the default");
            return null;
        }
        if (!normalized.toLowerCase(Locale.ROOT).endsWith(naming.toLowerCase(Locale.ROOT))) {
            checks.fail(
                    field,
                    "'" + Texts.printable(base) + "' is outside the domain " + naming + "; it must end with " + naming);
            return null;
        }
        return normalized;
    }

    /**
     * A NetBIOS computer name: 1 to 15 letters, digits and hyphens, not only digits, not starting or ending with a
     * hyphen; kept in capitals.
     */
    private static String machineName(Checks checks, String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            return null;
        }
        if (!NETBIOS.matcher(name).matches() || name.chars().allMatch(Character::isDigit)) {
            checks.fail(
                    "machineName",
                    "'" + Texts.printable(value) + "' is not a NetBIOS computer name: 1 to 15 letters, digits and"
                            + " hyphens (not only digits, no hyphen first or last), such as GATEHOUSE01");
            return null;
        }
        return name;
    }
}
