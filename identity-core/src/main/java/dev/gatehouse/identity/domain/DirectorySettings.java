package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a site reaches its Active Directory or Entra Domain Services, for directory logins and the directory sync.
 *
 * @param domain the DNS name of the domain, such as {@code corp.example.com}: users sign in as {@code <name>@<domain>}
 *     or with their UPN, and the default search base is its {@code DC=} form
 * @param controllers the domain controllers in the order they are tried ({@code host} or {@code host:port}); Entra
 *     Domain Services has two
 * @param transport LDAPS (port 636) or StartTLS (port 389, the connection refused if TLS cannot start); never plain
 * @param trustedCertificates the PEM certificates the controllers' certificates must chain to (Entra Domain Services
 *     often uses a self-signed wildcard certificate: trust it, or its CA, here)
 * @param justInTime a directory user who signs in for the first time becomes a Gatehouse user
 * @param serviceAccount the account the sync (and later the join) binds as; null when the site does not sync
 * @param searchBase where users and groups are read from; null for the whole domain
 * @param tenant the Entra tenant of Entra Domain Services: with it, a user's {@code msDS-aadObjectId} links the directory
 *     user to the Entra identity that SAML and OIDC sign in; null for a plain Active Directory
 * @param syncIntervalMinutes how often the sync runs on its own; 0 for never (runs only on demand)
 * @param computerOu where the join creates Gatehouse's computer account; null for the default container
 * @param machineName the computer account's name (NetBIOS: at most 15 characters); null until the site joins
 */
public record DirectorySettings(
        SiteId site,
        String domain,
        List<String> controllers,
        Transport transport,
        String trustedCertificates,
        boolean justInTime,
        ServiceAccount serviceAccount,
        String searchBase,
        EntraTenantId tenant,
        int syncIntervalMinutes,
        String computerOu,
        String machineName,
        Instant updatedAt) {

    public enum Transport {
        LDAPS,
        STARTTLS
    }

    /**
     * A directory account Gatehouse binds as.
     *
     * @param name a UPN ({@code svc-gatehouse@corp.example.com}) or a DN
     */
    public record ServiceAccount(String name, Secret password) {
        public ServiceAccount {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ServiceAccount[" + name + ", ****]";
        }
    }

    public DirectorySettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(domain, "domain");
        controllers = List.copyOf(controllers);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Settings for directory logins only: no service account, no sync. */
    public DirectorySettings(
            SiteId site,
            String domain,
            List<String> controllers,
            Transport transport,
            String trustedCertificates,
            boolean justInTime,
            Instant updatedAt) {
        this(
                site,
                domain,
                controllers,
                transport,
                trustedCertificates,
                justInTime,
                null,
                null,
                null,
                0,
                null,
                null,
                updatedAt);
    }

    /** The domain's naming context: {@code corp.example.com} is {@code DC=corp,DC=example,DC=com}. */
    public String baseDn() {
        return "DC=" + String.join(",DC=", domain.split("\\."));
    }

    /** Where the sync reads users and groups: the search base, else the whole domain. */
    public String syncBase() {
        return searchBase == null ? baseDn() : searchBase;
    }

    /**
     * Where the join creates the computer account: the configured OU, else Entra Domain Services' {@code OU=AADDC
     * Computers} (when the site names its Entra tenant) or Active Directory's {@code CN=Computers}.
     */
    public String computerContainer() {
        if (computerOu != null) {
            return computerOu;
        }
        return (tenant != null ? "OU=AADDC Computers," : "CN=Computers,") + baseDn();
    }

    /** The Kerberos realm: the domain in capitals. */
    public String realm() {
        return domain.toUpperCase(java.util.Locale.ROOT);
    }

    public Optional<ServiceAccount> service() {
        return Optional.ofNullable(serviceAccount);
    }

    public Optional<EntraTenantId> entraTenant() {
        return Optional.ofNullable(tenant);
    }

    /** The name a directory user signs in with as a UPN: {@code alice} is {@code alice@<domain>}. */
    public String userPrincipalName(String login) {
        return login.contains("@") ? login : login + "@" + domain;
    }
}
