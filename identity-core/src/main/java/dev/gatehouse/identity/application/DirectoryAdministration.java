package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.DirectorySettings;
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
    static final int MAX_CONTROLLERS = 8;

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

    public DirectorySettings save(
            SiteId site,
            String domain,
            List<String> controllers,
            String transport,
            String trustedCertificates,
            Boolean justInTime,
            Actor actor) {
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
        checks.throwIfAny();
        DirectorySettings settings = new DirectorySettings(
                site, domainName, hosts, chosen, pem, justInTime == null || justInTime, clock.instant());
        directories.save(settings);
        auditLog.append(dev.gatehouse.identity.domain.AuditEvent.of(
                clock.instant(),
                site,
                actor,
                AuditType.SITE_UPDATED,
                "directory",
                true,
                "directory " + domainName + " at " + String.join(", ", hosts) + " over " + chosen));
        return settings;
    }
}
