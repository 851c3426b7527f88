package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.validation.Checks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates and renames sites and answers which sites an administrator may manage (a site and its descendants). */
public class SiteService {
    private final SiteRepository sites;
    private final Audit audit;
    private final Clock clock;

    public SiteService(SiteRepository sites, AuditLog auditLog, Clock clock) {
        this.sites = sites;
        this.audit = new Audit(auditLog, clock);
        this.clock = clock;
    }

    /** @param parent the parent site, or {@code null} for a top-level site */
    public Site create(String slug, String displayName, SiteId parent, Actor actor) {
        Checks checks = new Checks();
        checks.required("displayName", displayName, 200);
        SiteSlug siteSlug = checks.attempt(() -> new SiteSlug(slug));
        checks.throwIfAny();
        if (sites.findBySlug(siteSlug).isPresent()) {
            throw new ConflictException(
                    "slug", "a site with slug '" + siteSlug + "' already exists; choose another slug");
        }
        if (parent != null && sites.find(parent).isEmpty()) {
            throw new NotFoundException("parent site", parent);
        }
        Site site = new Site(SiteId.random(), siteSlug, displayName.strip(), parent, clock.instant());
        sites.save(site);
        audit.success(site.id(), actor, AuditType.SITE_CREATED, "site:" + site.id(), "slug=" + site.slug());
        return site;
    }

    public Site rename(SiteId id, String displayName, Actor actor) {
        Checks checks = new Checks();
        checks.required("displayName", displayName, 200);
        checks.throwIfAny();
        Site site = sites.find(id)
                .orElseThrow(() -> new NotFoundException("site", id))
                .withDisplayName(displayName.strip());
        sites.save(site);
        audit.success(site.id(), actor, AuditType.SITE_UPDATED, "site:" + id, "displayName changed");
        return site;
    }

    public Optional<Site> find(SiteId id) {
        return sites.find(id);
    }

    public Optional<Site> findBySlug(SiteSlug slug) {
        return sites.findBySlug(slug);
    }

    /** Whether {@code site} is {@code ancestor} or lies below it. */
    public boolean isWithin(SiteId site, SiteId ancestor) {
        Optional<SiteId> current = Optional.of(site);
        for (int depth = 0; current.isPresent() && depth < 64; depth++) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            current = sites.find(current.get()).flatMap(Site::parentId);
        }
        return false;
    }

    /** {@code root} and all its descendants, parents before children. */
    public List<Site> subtree(SiteId root) {
        List<Site> all = sites.findAll();
        List<Site> result = new ArrayList<>();
        all.stream().filter(s -> s.id().equals(root)).findFirst().ifPresent(result::add);
        for (int i = 0; i < result.size(); i++) {
            SiteId parent = result.get(i).id();
            all.stream().filter(s -> parent.equals(s.parent())).forEach(result::add);
        }
        return result;
    }
}
