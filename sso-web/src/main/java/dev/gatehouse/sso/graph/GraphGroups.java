package dev.gatehouse.sso.graph;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Completes the groups of an Entra identity through Microsoft Graph, for every protocol that signs in Entra users:
 *
 * <ul>
 *   <li><b>Overage</b> (more groups than fit in the token: OpenID's {@code _claim_names}/{@code hasgroups}, SAML's
 *       {@code groups.link}): the user's transitive groups are read from Graph and replace the missing list, so
 *       memberships are reconciled as if the token had carried them.</li>
 *   <li><b>Names</b>: tokens carry group object IDs only; a group a sign-in creates just in time gets its Graph
 *       display name. Names are cached for {@link #NAMES_FOR}; Graph is asked only when a group of the token has no
 *       cached name.</li>
 * </ul>
 *
 * When Graph cannot answer, the sign-in goes on with what the token said (an overage then adds memberships and never
 * removes any); the failure and its explanation are kept per provider for its status page ({@link #status}) and
 * logged.
 */
public final class GraphGroups {
    private static final Logger LOG = Logger.getLogger(GraphGroups.class.getName());
    static final Duration NAMES_FOR = Duration.ofHours(1);
    static final int MAX_CACHED_NAMES = 100_000;

    /** The last Graph call made for a provider's sign-ins. */
    public record Status(Instant at, boolean ok, String message) {}

    private record Name(String value, Instant until) {}

    private final GraphClient graph;
    private final Clock clock;
    private final Map<GroupKey.Entra, Name> names = new ConcurrentHashMap<>();
    private final Map<ProviderId, Status> statuses = new ConcurrentHashMap<>();

    public GraphGroups(GraphClient graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * The identity with its groups completed: all of them on an overage, names where Graph has them.
     *
     * @param credentials the provider's app in the user's tenant; empty when the provider has none (no Graph call)
     */
    public ExternalIdentity complete(
            ProviderId provider, Optional<GraphCredentials> credentials, ExternalIdentity identity) {
        if (!(identity.key() instanceof LinkKey.Entra user)) {
            return identity;
        }
        Instant now = clock.instant();
        boolean namesKnown = identity.groups().stream()
                .allMatch(g -> g.displayName().isPresent()
                        || g.key() instanceof GroupKey.Entra entra && cachedName(entra, now) != null);
        if (!identity.groupsOverage() && namesKnown) {
            return withCachedNames(identity, now);
        }
        if (credentials.isEmpty()) {
            if (identity.groupsOverage()) {
                statuses.put(
                        provider,
                        new Status(
                                now,
                                false,
                                "a sign-in had more groups than its token can carry, and the provider has no app"
                                        + " credentials (client ID and secret) to ask Microsoft Graph for them;"
                                        + " memberships are only added until it has"));
            }
            return withCachedNames(identity, now);
        }
        List<GraphClient.GraphGroup> fromGraph;
        try {
            fromGraph = graph.groupsOf(credentials.get(), user.object().value().toString());
        } catch (GraphException e) {
            statuses.put(provider, new Status(now, false, e.getMessage()));
            LOG.warning(() -> "Graph for provider " + provider + ": " + e.getMessage());
            return withCachedNames(identity, now);
        }
        statuses.put(provider, new Status(now, true, "read " + fromGraph.size() + " groups of a user"));
        List<ExternalGroup> groups = new ArrayList<>();
        for (GraphClient.GraphGroup group : fromGraph) {
            try {
                GroupKey.Entra key = new GroupKey.Entra(user.tenant(), EntraObjectId.parse("id", group.id()));
                remember(key, group.displayName(), now);
                groups.add(new ExternalGroup(key, group.displayName()));
            } catch (ValidationException e) {
                // not a group object ID: Graph never sends one, and nothing can link to it
            }
        }
        if (identity.groupsOverage()) {
            return new ExternalIdentity(
                    identity.key(), identity.login(), identity.displayName(), identity.email(), groups, false);
        }
        return withCachedNames(identity, now);
    }

    /** The last Graph call for a provider's sign-ins, if any. */
    public Optional<Status> status(ProviderId provider) {
        return Optional.ofNullable(statuses.get(provider));
    }

    private ExternalIdentity withCachedNames(ExternalIdentity identity, Instant now) {
        List<ExternalGroup> groups = identity.groups().stream()
                .map(g -> g.displayName().isPresent() || !(g.key() instanceof GroupKey.Entra entra)
                        ? g
                        : new ExternalGroup(g.key(), cachedName(entra, now)))
                .toList();
        return new ExternalIdentity(
                identity.key(),
                identity.login(),
                identity.displayName(),
                identity.email(),
                groups,
                identity.groupsOverage());
    }

    private String cachedName(GroupKey.Entra key, Instant now) {
        Name name = names.get(key);
        return name == null || now.isAfter(name.until()) ? null : name.value();
    }

    private void remember(GroupKey.Entra key, String name, Instant now) {
        if (name == null) {
            return;
        }
        if (names.size() >= MAX_CACHED_NAMES) {
            names.values().removeIf(n -> now.isAfter(n.until()));
            if (names.size() >= MAX_CACHED_NAMES) {
                names.clear();
            }
        }
        names.put(key, new Name(name, now.plus(NAMES_FOR)));
    }
}
