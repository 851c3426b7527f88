package dev.gatehouse.sso.oidc;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.graph.GraphCredentials;
import dev.gatehouse.sso.graph.GraphGroups;
import dev.gatehouse.sso.oidc.client.OidcClient;
import dev.gatehouse.sso.oidc.client.OidcProviderConfiguration;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.engine.OidcException;
import dev.gatehouse.sso.oidc.engine.ProviderKeys;
import dev.gatehouse.sso.oidc.engine.ProviderMetadata;
import dev.gatehouse.sso.outbound.OutboundException;
import dev.gatehouse.sso.outbound.OutboundHttp;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * OpenID Connect's part of the application: per provider, the discovery document and key set (fetched when the
 * provider is saved, at the first sign-in after a start, and when an administrator refreshes it), and its pac4j
 * client. A provider whose discovery failed is tried again at most every {@link #RETRY_AFTER_FAILURE}; while its
 * settings are unchanged the last good discovery stays in use.
 */
public final class OidcService {
    private static final Logger LOG = Logger.getLogger(OidcService.class.getName());
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    /** What was discovered for one version of a provider's settings. */
    private record Discovered(String version, OidcClient client, Instant at) {}

    private record Failed(String version, String error, Instant at) {}

    private final UnitOfWork tx;
    private final ProviderRepository providers;
    private final OutboundHttp http;
    private final String baseUrl;
    private final String entraAuthority;
    private final SignInStateStore state;
    private final GraphGroups groups;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<ProviderId, Discovered> discovered = new ConcurrentHashMap<>();
    private final Map<ProviderId, Failed> failures = new ConcurrentHashMap<>();
    /** One per provider that was looked up: discovery of one provider never waits for another's. */
    private final Map<ProviderId, Object> locks = new ConcurrentHashMap<>();

    public OidcService(
            UnitOfWork tx,
            ProviderRepository providers,
            OutboundHttp http,
            String baseUrl,
            String entraAuthority,
            SignInStateStore state,
            GraphGroups groups,
            AuditLog audit,
            Clock clock) {
        this.tx = tx;
        this.providers = providers;
        this.http = http;
        this.baseUrl = baseUrl;
        this.entraAuthority = entraAuthority;
        this.state = state;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where Entra (or a sovereign cloud's Entra) publishes its issuers: {@code https://login.microsoftonline.com/}. */
    public String entraAuthority() {
        return entraAuthority;
    }

    public OutboundHttp http() {
        return http;
    }

    /**
     * The identity with its groups completed through Microsoft Graph (an overage resolved, names of new groups), for a
     * provider that is Entra itself and has a client secret; unchanged otherwise.
     */
    public ExternalIdentity completeGroups(Provider provider, ExternalIdentity identity) {
        OidcSettings settings = (OidcSettings) provider.settings();
        Optional<GraphCredentials> credentials =
                settings.entra() && settings.clientSecret() != null && identity.key() instanceof LinkKey.Entra user
                        ? Optional.of(new GraphCredentials(
                                user.tenant().value().toString(), settings.clientId(), settings.clientSecret()))
                        : Optional.empty();
        return settings.entra() ? groups.complete(provider.id(), credentials, identity) : identity;
    }

    /** Gatehouse's public URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The redirect URI to register in Entra for this provider. */
    public String redirectUri(ProviderId id) {
        return baseUrl + "/oidc/" + id + "/callback";
    }

    /** The issuer a provider's settings discover. */
    public String issuer(OidcSettings settings) {
        return settings.issuer(entraAuthority);
    }

    /**
     * Fetches the discovery document and the key set before a provider is saved: a provider whose issuer does not
     * answer with a usable document is refused, naming the field to fix. Call outside any transaction.
     */
    public Runnable prepareSave(Provider provider) {
        if (!(provider.settings() instanceof OidcSettings settings)) {
            return () -> {};
        }
        try {
            OidcClient client = discover(provider, settings);
            String version = version(provider);
            return () -> {
                discovered.put(provider.id(), new Discovered(version, client, clock.instant()));
                failures.remove(provider.id());
            };
        } catch (OidcException e) {
            LOG.warning(() -> "OpenID provider " + provider.id() + " refused on save: " + e.getMessage());
            tx.run(() -> audit.append(AuditEvent.of(
                    clock.instant(),
                    provider.site(),
                    Actor.SYSTEM,
                    AuditType.OIDC_DISCOVERY_FAILED,
                    "provider:" + provider.id(),
                    false,
                    "not saved: " + e.getMessage())));
            String field = settings.issuerUrl() == null ? "settings.tenantId" : "settings.issuerUrl";
            throw ValidationException.of(
                    field,
                    "no usable OpenID Connect discovery document was found at " + issuer(settings)
                            + " (the audit log has the reason); check the "
                            + (settings.issuerUrl() == null ? "tenant ID" : "issuer URL"));
        }
    }

    /** The client of an enabled OpenID Connect provider, or empty. Call outside a transaction. */
    public Optional<OidcClient> client(ProviderId id) {
        Optional<Provider> provider = tx.inTransaction(
                () -> providers.find(id).filter(Provider::enabled).filter(p -> p.settings() instanceof OidcSettings));
        return provider.map(this::client);
    }

    /**
     * The provider's client, discovering it when its settings changed or nothing was discovered since the start. One
     * discovery per provider at a time: requests that arrive meanwhile wait for it and take its result, and a failure
     * is answered from memory for {@link #RETRY_AFTER_FAILURE}, so a flood of sign-ins against an unreachable issuer
     * makes one request to it, not one each.
     *
     * @throws OidcException {@code UNAVAILABLE} when the provider's discovery failed
     */
    OidcClient client(Provider provider) {
        String version = version(provider);
        Discovered current = discovered.get(provider.id());
        if (current != null && current.version().equals(version)) {
            return current.client();
        }
        synchronized (lock(provider)) {
            current = discovered.get(provider.id());
            if (current != null && current.version().equals(version)) {
                return current.client();
            }
            Failed failed = failures.get(provider.id());
            if (failed != null
                    && failed.version().equals(version)
                    && clock.instant().isBefore(failed.at().plus(RETRY_AFTER_FAILURE))) {
                throw new OidcException(OidcException.Reason.UNAVAILABLE, failed.error());
            }
            return discoverNow(provider);
        }
    }

    /**
     * Fetches discovery and keys again now, for an administrator. When that fails the last good ones stay in use and
     * the failure is reported.
     */
    public void refresh(Provider provider) {
        synchronized (lock(provider)) {
            try {
                discoverNow(provider);
            } catch (OidcException e) {
                throw ValidationException.of(
                        "id",
                        "the provider's discovery document or keys could not be used (" + e.getMessage() + "); the"
                                + " last good ones stay in use; check the issuer and try again");
            }
        }
    }

    private Object lock(Provider provider) {
        return locks.computeIfAbsent(provider.id(), id -> new Object());
    }

    private OidcClient discoverNow(Provider provider) {
        String version = version(provider);
        try {
            OidcClient client = discover(provider, (OidcSettings) provider.settings());
            discovered.put(provider.id(), new Discovered(version, client, clock.instant()));
            failures.remove(provider.id());
            return client;
        } catch (OidcException e) {
            failures.put(provider.id(), new Failed(version, e.getMessage(), clock.instant()));
            LOG.warning(() -> "OpenID provider " + provider.id() + " is not usable: " + e.getMessage());
            throw e;
        }
    }

    /** The provider's state for its page: what was discovered when, and the last failure. */
    public OidcProviderStatus status(Provider provider) {
        OidcSettings settings = (OidcSettings) provider.settings();
        Discovered current = discovered.get(provider.id());
        Failed failed = failures.get(provider.id());
        ProviderKeys keys =
                current == null ? null : current.client().configuration().keys();
        return new OidcProviderStatus(
                redirectUri(provider.id()),
                issuer(settings),
                baseUrl + "/oidc/" + provider.id() + "/login",
                current == null ? null : current.at(),
                current == null
                        ? null
                        : current.client()
                                .configuration()
                                .metadata()
                                .endSessionEndpoint()
                                .orElse(null),
                keys == null ? null : keys.lastAttempt(),
                failed == null ? keys == null ? null : keys.lastError() : failed.error(),
                groups.status(provider.id()).orElse(null));
    }

    private OidcClient discover(Provider provider, OidcSettings settings) {
        String issuer = issuer(settings);
        ProviderMetadata metadata = ProviderMetadata.parse(get(ProviderMetadata.discoveryUrl(issuer)), issuer);
        ProviderKeys keys = new ProviderKeys(() -> get(metadata.jwksUri()), clock);
        keys.refetch();
        if (keys.lastError() != null) {
            throw new OidcException(
                    OidcException.Reason.UNAVAILABLE, "the key set at " + metadata.jwksUri() + ": " + keys.lastError());
        }
        return new OidcClient(
                new OidcProviderConfiguration(provider, settings, metadata, keys, redirectUri(provider.id())),
                state,
                http,
                clock);
    }

    private String get(String url) {
        try {
            OutboundHttp.Answer answer = http.get(url, "application/json", Map.of());
            if (answer.status() != 200) {
                throw new OidcException(OidcException.Reason.UNAVAILABLE, url + " answered HTTP " + answer.status());
            }
            return answer.text();
        } catch (OutboundException e) {
            throw new OidcException(OidcException.Reason.UNAVAILABLE, e.getMessage());
        }
    }

    private static String version(Provider provider) {
        return String.valueOf(provider.updatedAt());
    }
}
