package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DirectoryJob;
import dev.gatehouse.identity.domain.DomainMembership;
import dev.gatehouse.identity.domain.SiteId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each site's domain membership (the keytab stored encrypted) and its join and leave jobs. */
public interface DomainMembershipRepository {
    Optional<DomainMembership> membership(SiteId site);

    List<DomainMembership> memberships();

    void save(DomainMembership membership);

    void delete(SiteId site);

    void save(DirectoryJob job);

    Optional<DirectoryJob> job(SiteId site, UUID id);

    /** The newest first. */
    List<DirectoryJob> jobs(SiteId site, int limit);
}
