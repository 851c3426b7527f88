package dev.gatehouse.sso.api;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import java.util.List;
import java.util.function.Function;

/** The JSON shapes the API answers with. Secrets and password hashes never appear in them. */
final class Views {
    private Views() {}

    public record SiteView(String id, String slug, String displayName, String parent, String createdAt) {
        static SiteView of(Site site, Function<Site, String> parentSlug) {
            return new SiteView(
                    site.id().toString(),
                    site.slug().value(),
                    site.displayName(),
                    parentSlug.apply(site),
                    site.createdAt().toString());
        }
    }

    public record UserView(
            String id,
            String login,
            String displayName,
            String email,
            String state,
            String authMethod,
            boolean administrator,
            boolean hasPassword,
            String createdAt,
            String updatedAt) {
        static UserView of(User u) {
            return new UserView(
                    u.id().toString(),
                    u.login().value(),
                    u.displayName(),
                    u.emailAddress().map(Object::toString).orElse(null),
                    u.state().name(),
                    u.authMethod().code(),
                    u.administrator(),
                    u.passwordHash() != null,
                    u.createdAt().toString(),
                    u.updatedAt().toString());
        }
    }

    public record GroupView(String id, String name, String description, String createdAt) {
        static GroupView of(Group g) {
            return new GroupView(
                    g.id().toString(),
                    g.name().value(),
                    g.description(),
                    g.createdAt().toString());
        }
    }

    public record MemberView(String kind, String id) {}

    public record AuditEventView(
            String id,
            String at,
            String site,
            String actor,
            String type,
            String target,
            boolean success,
            String detail) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(
                    e.id().toString(),
                    e.at().toString(),
                    e.site() == null ? null : e.site().toString(),
                    e.actor(),
                    e.type().name(),
                    e.target(),
                    e.success(),
                    e.detail());
        }
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
        static <D, T> PageView<T> of(Page<D> page, Function<D, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
        }
    }
}
