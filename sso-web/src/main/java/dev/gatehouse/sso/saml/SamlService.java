package dev.gatehouse.sso.saml;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.saml.client.SamlClient;
import dev.gatehouse.sso.saml.config.SamlProviders;
import dev.gatehouse.sso.saml.config.SamlSettings;
import dev.gatehouse.sso.saml.config.SamlTrust;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import dev.gatehouse.sso.saml.metadata.IdpMetadataParser;
import dev.gatehouse.sso.saml.metadata.MetadataCache;
import dev.gatehouse.sso.saml.metadata.MetadataException;
import dev.gatehouse.sso.saml.metadata.MetadataRefresher;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SAML providers at run time: checks metadata when a provider is saved, refreshes metadata URLs on a schedule (a
 * failure keeps the last good copy, is logged and raises a {@link AuditType#SAML_METADATA_REFRESH_FAILED} audit
 * event; a new document or a recovery is audited as {@link AuditType#SAML_METADATA_REFRESHED}), and hands out one {@link SamlClient} per provider, rebuilt when the provider or its metadata changes.
 *
 * <p>Configuration: {@code refreshMinutes} (constructor; {@code gatehouse.saml.metadata-refresh-minutes}, default 60).
 */
public final class SamlService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SamlService.class.getName());

    private record Cached(String version, SamlClient client) {}

    private final UnitOfWork tx;
    private final ProviderRepository providers;
    private final MetadataCache metadata;
    private final MetadataRefresher refresher;
    private final SamlProviders configurations;
    private final SignInStateStore state;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<ProviderId, Cached> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gatehouse-saml-metadata");
        thread.setDaemon(true);
        return thread;
    });

    public SamlService(
            UnitOfWork tx,
            ProviderRepository providers,
            MetadataCache metadata,
            MetadataRefresher refresher,
            SamlProviders configurations,
            SignInStateStore state,
            AuditLog audit,
            Clock clock) {
        this.tx = tx;
        this.providers = providers;
        this.metadata = metadata;
        this.refresher = refresher;
        this.configurations = configurations;
        this.state = state;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refreshes every metadata URL every {@code refreshMinutes}.
     *
     * @param oncePerCluster wraps the refresh so that one node of a cluster runs it per period
     */
    public void startRefreshing(long refreshMinutes, java.util.function.UnaryOperator<Runnable> oncePerCluster) {
        scheduler.scheduleWithFixedDelay(
                oncePerCluster.apply(this::refreshAll), refreshMinutes, refreshMinutes, TimeUnit.MINUTES);
    }

    public SamlProviders configurations() {
        return configurations;
    }

    public SignInStateStore state() {
        return state;
    }

    /**
     * Checks what only the network or the XML can tell before a provider is saved: that its metadata URL serves good
     * metadata or that its uploaded metadata parses. Call outside any transaction: the URL is fetched here. The answer
     * stores the fetched document as the first good copy; run it inside the saving transaction, after the provider row
     * was written. A URL that fails is refused with one message whatever the reason (so that the answer cannot map the
     * network); the reason goes to the audit log and the server log.
     */
    public Runnable prepareSave(Provider provider) {
        if (!(provider.settings() instanceof SamlSettings saml)) {
            return () -> {};
        }
        switch (saml.trust()) {
            case METADATA_URL -> {
                MetadataRefresher.Fetched fetched = refresher.fetch(saml.metadataUrl());
                try {
                    byte[] xml = fetched.document()
                            .orElseThrow(
                                    () -> new MetadataException(fetched.error().orElseThrow()));
                    IdpMetadataParser.parse(xml, List.of());
                    String document = new String(xml, StandardCharsets.UTF_8).replace("\uFEFF", "");
                    return () -> metadata.recordSuccess(provider.id(), document, clock.instant());
                } catch (MetadataException e) {
                    LOG.warning(() ->
                            "SAML metadata URL of provider " + provider.id() + " refused on save: " + e.getMessage());
                    tx.run(() -> audit.append(AuditEvent.of(
                            clock.instant(),
                            provider.site(),
                            Actor.SYSTEM,
                            AuditType.SAML_METADATA_REFRESH_FAILED,
                            "provider:" + provider.id(),
                            false,
                            "not saved: " + e.getMessage())));
                    throw ValidationException.of(
                            "settings.metadataUrl",
                            "no acceptable SAML metadata could be fetched from this URL (the audit log has the reason);"
                                    + " check the URL (Entra: Single sign-on > SAML Certificates > App Federation"
                                    + " Metadata Url)");
                }
            }
            case METADATA_XML -> {
                try {
                    IdpMetadataParser.parse(saml.metadataXml().getBytes(StandardCharsets.UTF_8), List.of());
                } catch (MetadataException e) {
                    throw ValidationException.of(
                            "settings.metadataXml",
                            e.getMessage() + "; upload the Federation Metadata XML downloaded from Entra");
                }
                return () -> {};
            }
            default -> {
                // a pinned fingerprint is fully checked by the settings themselves
                return () -> {};
            }
        }
    }

    /** The client of an enabled SAML provider, or empty. Call outside a transaction. */
    public Optional<SamlClient> client(ProviderId id) {
        Optional<SamlClient> client = tx.inTransaction(() -> providers
                .find(id)
                .filter(Provider::enabled)
                .filter(p -> p.settings() instanceof SamlSettings)
                .map(provider -> {
                    String version = provider.updatedAt() + "|"
                            + metadata.fetchedAt(id).map(String::valueOf).orElse("");
                    Cached cached = clients.get(id);
                    if (cached != null && cached.version().equals(version)) {
                        return cached.client();
                    }
                    SamlClient built = new SamlClient(
                            configurations.configuration(provider).orElseThrow(), state, clock);
                    clients.put(id, new Cached(version, built));
                    return built;
                }));
        if (client.isEmpty()) {
            clients.remove(id);
        }
        return client;
    }

    /** Gatehouse's endpoints for the provider and its last metadata fetch; call inside a transaction. */
    public SamlProviderStatus status(Provider provider) {
        ServiceProviderEndpoints sp = configurations.endpoints(provider.id(), (SamlSettings) provider.settings());
        String base = sp.acsUrl().substring(0, sp.acsUrl().length() - "/acs".length());
        Optional<MetadataCache.Entry> cached = metadata.find(provider.id());
        return new SamlProviderStatus(
                sp.entityId(),
                sp.acsUrl(),
                sp.sloUrl(),
                base + "/metadata",
                base + "/login",
                cached.flatMap(MetadataCache.Entry::fetchedAt)
                        .map(String::valueOf)
                        .orElse(null),
                cached.flatMap(MetadataCache.Entry::lastError).orElse(null));
    }

    /**
     * The IdP signing certificates Gatehouse trusts for a provider: those of its last good metadata (URL) or of its
     * uploaded metadata; none for a pinned fingerprint. Call inside a transaction.
     */
    public java.util.List<java.security.cert.X509Certificate> signingCertificates(Provider provider) {
        SamlSettings settings = (SamlSettings) provider.settings();
        Optional<String> xml =
                switch (settings.trust()) {
                    case METADATA_URL -> metadata.find(provider.id()).flatMap(MetadataCache.Entry::xml);
                    case METADATA_XML -> Optional.ofNullable(settings.metadataXml());
                    default -> Optional.empty();
                };
        try {
            return xml.map(document -> IdpMetadataParser.parse(
                                    document.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.List.of())
                            .signingCertificates())
                    .orElse(java.util.List.of());
        } catch (MetadataException e) {
            return java.util.List.of();
        }
    }

    /** Refreshes every enabled metadata-URL provider; failures are audited and logged, never thrown. */
    public void refreshAll() {
        try {
            List<Provider> due = tx.inTransaction(() -> providers.listAll().stream()
                    .filter(Provider::enabled)
                    .filter(p -> p.settings() instanceof SamlSettings s && s.trust() == SamlTrust.METADATA_URL)
                    .toList());
            due.forEach(this::refresh);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SAML metadata refresh could not run: " + e.getMessage(), e);
        }
    }

    /** {@link #refresh(Provider, boolean)} without re-trust: the scheduled and the administrator's refresh. */
    public MetadataRefresher.Outcome refresh(Provider provider) {
        return refresh(provider, false);
    }

    /**
     * Fetches the provider's metadata URL (outside any transaction) and keeps what it serves if acceptable. A new
     * document or a recovery is audited as refreshed, a failure as failed; a refresh that finds the same document is not
     * audited.
     *
     * @param retrust take what the URL serves now even if no key of the last good copy signed it; audited
     */
    public MetadataRefresher.Outcome refresh(Provider provider, boolean retrust) {
        SamlSettings saml = (SamlSettings) provider.settings();
        MetadataRefresher.Fetched fetched = refresher.fetch(saml.metadataUrl());
        return tx.inTransaction(() -> {
            Optional<MetadataCache.Entry> before = metadata.find(provider.id());
            MetadataRefresher.Outcome outcome = refresher.apply(provider.id(), fetched, metadata, retrust);
            dev.gatehouse.sso.metrics.Metrics.metadataRefresh(outcome.refreshed());
            if (outcome.refreshed()) {
                if (retrust || changedOrRecovered(before, metadata.find(provider.id()))) {
                    audit(
                            provider,
                            retrust ? AuditType.SAML_METADATA_RETRUSTED : AuditType.SAML_METADATA_REFRESHED,
                            true,
                            "");
                }
            } else {
                String error = outcome.error().orElse("");
                LOG.warning(() -> "SAML metadata of provider " + provider.id() + " (" + provider.displayName()
                        + ") could not be refreshed; the last good copy stays in use: " + error);
                audit(
                        provider,
                        AuditType.SAML_METADATA_REFRESH_FAILED,
                        false,
                        "the last good metadata stays in use: " + error);
            }
            return outcome;
        });
    }

    private void audit(Provider provider, AuditType type, boolean success, String detail) {
        audit.append(AuditEvent.of(
                clock.instant(), provider.site(), Actor.SYSTEM, type, "provider:" + provider.id(), success, detail));
    }

    /** A routine refresh that finds the same document is not audited; a new document or a recovery is. */
    private static boolean changedOrRecovered(
            Optional<MetadataCache.Entry> before, Optional<MetadataCache.Entry> after) {
        return before.isEmpty()
                || before.get().lastError().isPresent()
                || !before.get().xml().equals(after.flatMap(MetadataCache.Entry::xml));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
