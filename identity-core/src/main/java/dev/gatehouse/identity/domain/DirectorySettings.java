package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a site reaches its Active Directory or Entra Domain Services for directory logins.
 *
 * @param domain the DNS name of the domain, such as {@code corp.example.com}: users sign in as {@code <name>@<domain>}
 *     or with their UPN, and the search base is its {@code DC=} form
 * @param controllers the domain controllers in the order they are tried ({@code host} or {@code host:port}); Entra
 *     Domain Services has two
 * @param transport LDAPS (port 636) or StartTLS (port 389, the connection refused if TLS cannot start); never plain
 * @param trustedCertificates the PEM certificates the controllers' certificates must chain to (Entra Domain Services
 *     often uses a self-signed wildcard certificate: trust it, or its CA, here)
 * @param justInTime a directory user who signs in for the first time becomes a Gatehouse user
 */
public record DirectorySettings(
        SiteId site,
        String domain,
        List<String> controllers,
        Transport transport,
        String trustedCertificates,
        boolean justInTime,
        Instant updatedAt) {

    public enum Transport {
        LDAPS,
        STARTTLS
    }

    public DirectorySettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(domain, "domain");
        controllers = List.copyOf(controllers);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The search base: {@code corp.example.com} is {@code DC=corp,DC=example,DC=com}. */
    public String baseDn() {
        return "DC=" + String.join(",DC=", domain.split("\\."));
    }

    /** The name a directory user signs in with as a UPN: {@code alice} is {@code alice@<domain>}. */
    public String userPrincipalName(String login) {
        return login.contains("@") ? login : login + "@" + domain;
    }
}
