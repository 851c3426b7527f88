package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface IdentityLinkRepository {
    Optional<IdentityLink> find(SiteId site, LinkKey key);

    /** The links of the given keys, in one query; keys without a link are absent. */
    Map<LinkKey, IdentityLink> findAll(SiteId site, Collection<LinkKey> keys);

    List<IdentityLink> linksOf(UserId user);

    /** Every link of the site. */
    List<IdentityLink> links(SiteId site);

    void save(IdentityLink link);

    void deleteAllOf(UserId user);
}
