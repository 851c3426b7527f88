package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued credentials (SCIM tokens, API tokens, app passwords), by id: the id travels inside every secret. */
public interface CredentialRepository {
    Optional<Credential> find(UUID id);

    /** The credentials of a site, revoked ones included, oldest first. */
    List<Credential> list(SiteId site);

    /** The credentials that act as {@code user}, revoked ones included. */
    List<Credential> listOf(UserId user);

    /** Credentials that are not revoked and expire before {@code before}, of every site. */
    List<Credential> expiringBefore(Instant before);

    void save(Credential credential);
}
