package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import java.util.List;
import java.util.Optional;

public interface SiteRepository {
    Optional<Site> find(SiteId id);

    Optional<Site> findBySlug(SiteSlug slug);

    List<Site> findAll();

    void save(Site site);

    /**
     * Locks the site until the current transaction ends, so that rules spanning many users of the site (the
     * break-glass rule) are checked and changed by one transaction at a time.
     */
    void lock(SiteId id);
}
