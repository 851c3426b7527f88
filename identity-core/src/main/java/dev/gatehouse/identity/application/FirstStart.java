package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.PasswordPolicy;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.SiteRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Prepares an empty installation: the default site {@value #DEFAULT_SITE} and its first administrator
 * {@value #FIRST_ADMIN} with a local password. Does nothing when any site exists.
 */
public class FirstStart {
    public static final String DEFAULT_SITE = "default";
    public static final String FIRST_ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SiteRepository sites;
    private final SiteService siteService;
    private final UserService userService;
    private final AuditLog auditLog;
    private final Clock clock;

    public FirstStart(
            SiteRepository sites, SiteService siteService, UserService userService, AuditLog auditLog, Clock clock) {
        this.sites = sites;
        this.siteService = siteService;
        this.userService = userService;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @param configuredPassword the first administrator's password from configuration, or empty to generate one
     * @return the generated password, to be shown once; empty when it was configured or nothing was created
     */
    public Optional<char[]> prepare(Optional<char[]> configuredPassword) {
        if (!sites.findAll().isEmpty()) {
            return Optional.empty();
        }
        configuredPassword.ifPresent(p -> PasswordPolicy.check("GATEHOUSE_ADMIN_PASSWORD", p));
        char[] password = configuredPassword.orElseGet(FirstStart::generate);
        Site site = siteService.create(DEFAULT_SITE, "Default site", null, Actor.SYSTEM);
        userService.create(
                site.id(), new NewUser(FIRST_ADMIN, "Administrator", null, "local", true, password), Actor.SYSTEM);
        auditLog.append(AuditEvent.of(
                clock.instant(),
                site.id(),
                Actor.SYSTEM,
                AuditType.BOOTSTRAP,
                "site:" + site.id(),
                true,
                "default site and first administrator created"));
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }

    private static char[] generate() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return out;
    }
}
