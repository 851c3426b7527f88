package dev.gatehouse.sso.saml.web;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.graph.GraphApp;
import dev.gatehouse.sso.graph.GraphFeature;
import dev.gatehouse.sso.graph.GraphGroups;
import dev.gatehouse.sso.saml.SamlFeature;
import dev.gatehouse.sso.saml.SamlProviderStatus;
import dev.gatehouse.sso.saml.config.SamlSettings;
import dev.gatehouse.sso.saml.config.SamlSettingsFormat;
import dev.gatehouse.sso.saml.config.SamlTrust;
import dev.gatehouse.sso.signin.ExpiringCredential;
import dev.gatehouse.sso.signin.ProviderField;
import dev.gatehouse.sso.signin.SettingsInput;
import dev.gatehouse.sso.signin.SignInProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SAML 2.0 as a sign-in protocol of the registry: provider kind {@code saml}. */
@ApplicationScoped
public class SamlSignInProtocol implements SignInProtocol {
    static final Set<String> FIELDS = Set.of(
            "trust",
            "metadataUrl",
            "metadataXml",
            "certificateSha256",
            "idpEntityId",
            "ssoUrl",
            "sloUrl",
            "entityIdSuffix",
            "allowIdpInitiated",
            "allowSha1",
            "justInTime",
            "clockSkewSeconds",
            "requestedAuthnContext",
            "tenantId",
            "graphClientId",
            "graphClientSecret",
            "graphSecretExpiresOn");

    private final ProviderSettingsFormat format = new SamlSettingsFormat();

    @Inject
    SamlFeature saml;

    @Inject
    GraphFeature graph;

    @Override
    public String kind() {
        return SamlSettings.KIND;
    }

    @Override
    public String label() {
        return "SAML 2.0";
    }

    @Override
    public ProviderSettingsFormat settingsFormat() {
        return format;
    }

    @Override
    public Set<String> settingsFields() {
        return FIELDS;
    }

    @Override
    public ProviderSettings settings(SettingsInput s) {
        SamlTrust trust;
        try {
            trust = s.string("trust") == null ? null : SamlTrust.valueOf(s.string("trust"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "settings.trust",
                    "'" + s.string("trust") + "' is not a trust mode; use METADATA_URL, METADATA_XML or"
                            + " CERTIFICATE_FINGERPRINT");
        }
        Integer skew = s.integer("clockSkewSeconds");
        return new SamlSettings(
                trust,
                s.string("metadataUrl"),
                s.string("metadataXml"),
                s.string("certificateSha256"),
                s.string("idpEntityId"),
                s.string("ssoUrl"),
                s.string("sloUrl"),
                s.string("entityIdSuffix"),
                Boolean.TRUE.equals(s.bool("allowIdpInitiated")),
                Boolean.TRUE.equals(s.bool("allowSha1")),
                Boolean.TRUE.equals(s.bool("justInTime")),
                skew == null ? SamlSettings.DEFAULT_CLOCK_SKEW_SECONDS : skew,
                s.string("requestedAuthnContext"),
                s.string("tenantId"),
                graphApp(s));
    }

    /** The Graph app, when any of its fields was sent (then all three are checked). */
    private static GraphApp graphApp(SettingsInput s) {
        String clientId = s.string("graphClientId");
        String secret = s.string("graphClientSecret");
        java.time.LocalDate expires = s.date("graphSecretExpiresOn");
        if (clientId == null && secret == null && expires == null) {
            return null;
        }
        return new GraphApp(
                clientId, secret == null ? null : new dev.gatehouse.identity.domain.Secret(secret), expires);
    }

    @Override
    public Runnable prepareSave(Provider provider) {
        return saml.service().prepareSave(provider);
    }

    @Override
    public Object view(Provider provider) {
        SamlSettings settings = (SamlSettings) provider.settings();
        SamlProviderStatus status = saml.service().status(provider);
        return new SamlProviderView(
                provider.id().toString(),
                provider.displayName(),
                provider.enabled(),
                SamlSettings.KIND,
                settings.trust().name(),
                settings.metadataUrl(),
                settings.idpEntityId(),
                settings.tenantId(),
                settings.allowIdpInitiated(),
                settings.allowSha1(),
                settings.justInTime(),
                settings.clockSkewSeconds(),
                status.entityId(),
                status.acsUrl(),
                status.sloUrl(),
                status.spMetadataUrl(),
                status.loginUrl(),
                status.metadataFetchedAt(),
                status.metadataError(),
                settings.graph() == null ? null : settings.graph().clientId(),
                settings.graph() == null
                        ? null
                        : String.valueOf(settings.graph().secretExpiresOn()),
                graph.groups().status(provider.id()).map(g -> g.at().toString()).orElse(null),
                graph.groups().status(provider.id()).map(GraphGroups.Status::ok).orElse(null),
                graph.groups()
                        .status(provider.id())
                        .map(GraphGroups.Status::message)
                        .orElse(null));
    }

    @Override
    public List<ProviderField> copyFields(Provider provider) {
        SamlProviderStatus status = saml.service().status(provider);
        return List.of(
                ProviderField.copy("Identifier (Entity ID)", status.entityId(), "entity-id"),
                ProviderField.copy("Reply URL (ACS)", status.acsUrl(), "acs-url"),
                ProviderField.copy("Logout URL", status.sloUrl(), "slo-url"),
                ProviderField.copy("SP metadata", status.spMetadataUrl(), "sp-metadata-url"));
    }

    @Override
    public List<ProviderField> details(Provider provider) {
        SamlSettings settings = (SamlSettings) provider.settings();
        SamlProviderStatus status = saml.service().status(provider);
        List<ProviderField> fields = new ArrayList<>();
        fields.add(ProviderField.text("Trust", settings.trust().name()));
        if (settings.metadataUrl() != null) {
            fields.add(ProviderField.copy("Metadata URL", settings.metadataUrl(), null));
            String state = status.metadataFetchedAt() == null ? "none yet" : "fetched " + status.metadataFetchedAt();
            if (status.metadataError() != null) {
                state += "; last refresh failed, the copy above stays in use: " + status.metadataError();
            }
            fields.add(new ProviderField("Metadata in use", state, "metadata-state", false));
        }
        if (settings.idpEntityId() != null) {
            fields.add(ProviderField.copy("Issuer", settings.idpEntityId(), null));
        }
        if (settings.tenantId() != null) {
            fields.add(ProviderField.copy("Entra tenant", settings.tenantId(), null));
        }
        fields.add(ProviderField.text("Just-in-time users", settings.justInTime() ? "yes" : "no"));
        fields.add(ProviderField.text("IdP-initiated sign-in", settings.allowIdpInitiated() ? "accepted" : "refused"));
        fields.add(ProviderField.text("SHA-1", settings.allowSha1() ? "accepted" : "refused"));
        fields.add(ProviderField.text("Clock skew", settings.clockSkewSeconds() + " s"));
        if (settings.graph() != null) {
            fields.add(
                    ProviderField.copy("Graph app (client ID)", settings.graph().clientId(), null));
            fields.add(new ProviderField(
                    "Graph secret expires",
                    String.valueOf(settings.graph().secretExpiresOn()),
                    "secret-expires",
                    false));
        }
        graph.groups()
                .status(provider.id())
                .ifPresent(g -> fields.add(new ProviderField(
                        "Microsoft Graph",
                        (g.ok() ? "working, " : "failing, ") + g.at() + ": " + g.message(),
                        "graph-state",
                        false)));
        return fields;
    }

    @Override
    public String consoleForm() {
        return "/WEB-INF/views/saml/new-provider.jsp";
    }

    @Override
    public java.util.List<ExpiringCredential> expiringCredentials(Provider provider) {
        java.util.List<ExpiringCredential> credentials = new java.util.ArrayList<>();
        provider.settings()
                .secretExpiry()
                .ifPresent(expiry -> credentials.add(ExpiringCredential.clientSecret(
                        "Graph app client secret",
                        expiry,
                        "group names and overage groups can no longer be read from Microsoft Graph for this"
                                + " provider's sign-ins")));
        saml.service().signingCertificates(provider).stream()
                .map(certificate -> new ExpiringCredential(
                        "SAML_SIGNING_CERTIFICATE",
                        "signing certificate " + thumbprint(certificate),
                        certificate.getNotAfter().toInstant(),
                        "Entra stops signing with it; if no newer certificate is trusted, every SAML sign-in with this"
                                + " provider is refused",
                        "in Entra's SAML settings of the app, create a new certificate and make it active; a metadata"
                                + " URL provider picks it up at the next refresh (or press Refresh), uploaded metadata"
                                + " must be uploaded again"))
                .forEach(credentials::add);
        return credentials;
    }

    /** The SHA-1 thumbprint Entra shows for a certificate. */
    private static String thumbprint(java.security.cert.X509Certificate certificate) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()))
                    .toUpperCase(java.util.Locale.ROOT);
        } catch (java.security.GeneralSecurityException e) {
            return certificate.getSerialNumber().toString(16);
        }
    }

    @Override
    public boolean refreshable(Provider provider) {
        return provider.settings() instanceof SamlSettings settings && settings.trust() == SamlTrust.METADATA_URL;
    }

    @Override
    public void refresh(Provider provider, boolean retrust) {
        if (!refreshable(provider)) {
            throw ValidationException.of("id", "this provider has no metadata URL to refresh");
        }
        saml.service().refresh(provider, retrust);
    }

    @Override
    public String loginPath(Provider provider, String target) {
        return "/saml/" + provider.id() + "/login?target=" + target;
    }

    @Override
    public Optional<String> logout(HttpSession session, String target) {
        if (session.getAttribute(SamlSession.SESSION_ATTRIBUTE) instanceof SamlSession samlSession) {
            return SamlLogout.start(saml.service(), samlSession, target);
        }
        return Optional.empty();
    }
}
