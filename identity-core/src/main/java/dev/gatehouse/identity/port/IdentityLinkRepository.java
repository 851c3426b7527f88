package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import java.util.List;
import java.util.Optional;

public interface IdentityLinkRepository {
    Optional<IdentityLink> find(SiteId site, LinkKey key);

    List<IdentityLink> linksOf(UserId user);

    /** Every link of the site. */
    List<IdentityLink> links(SiteId site);

    void save(IdentityLink link);

    void deleteAllOf(UserId user);
}
