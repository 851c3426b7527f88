package dev.gatehouse.sso.oidc.web;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.oidc.OidcFeature;
import dev.gatehouse.sso.oidc.OidcProviderStatus;
import dev.gatehouse.sso.oidc.config.OidcFlow;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.config.OidcSettingsFormat;
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

/**
 * OpenID Connect as a sign-in protocol of the registry; one instance per provider kind: {@link Oidc} serves
 * {@code oidc}, {@link OAuth} serves {@code oauth} (the code flow with a client secret only).
 */
public abstract class OidcSignInProtocol implements SignInProtocol {
    static final Set<String> FIELDS = Set.of(
            "tenantId",
            "clientId",
            "clientSecret",
            "secretExpiresOn",
            "flow",
            "issuerUrl",
            "multiTenant",
            "allowedTenants",
            "algorithms",
            "clockSkewSeconds",
            "justInTime");

    private final String kind;
    private final String label;
    private final String consoleForm;

    @Inject
    OidcFeature oidc;

    OidcSignInProtocol(String kind, String label, String consoleForm) {
        this.kind = kind;
        this.label = label;
        this.consoleForm = consoleForm;
    }

    /** {@code oidc}: OpenID Connect, code + PKCE by default, the legacy flows on request. */
    @ApplicationScoped
    public static class Oidc extends OidcSignInProtocol {
        public Oidc() {
            super(OidcSettings.KIND, "OpenID Connect", "/WEB-INF/views/oidc/new-provider.jsp");
        }
    }

    /** {@code oauth}: an Entra app with a client secret, signed in by the code flow. */
    @ApplicationScoped
    public static class OAuth extends OidcSignInProtocol {
        public OAuth() {
            super(OidcSettings.OAUTH_KIND, "OAuth 2.0 (client secret)", "/WEB-INF/views/oidc/new-oauth-provider.jsp");
        }
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String consoleForm() {
        return consoleForm;
    }

    private OidcFeature feature() {
        return oidc;
    }

    @Override
    public ProviderSettingsFormat settingsFormat() {
        return new OidcSettingsFormat(kind());
    }

    @Override
    public Set<String> settingsFields() {
        return FIELDS;
    }

    @Override
    public ProviderSettings settings(SettingsInput s) {
        OidcFlow flow;
        try {
            flow = s.string("flow") == null ? null : OidcFlow.valueOf(s.string("flow"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "settings.flow",
                    "'" + s.string("flow") + "' is not a flow; use CODE_PKCE (recommended), LEGACY_HYBRID or"
                            + " LEGACY_IMPLICIT");
        }
        if (flow == null && OidcSettings.KIND.equals(kind())) {
            flow = OidcFlow.CODE_PKCE;
        }
        Integer skew = s.integer("clockSkewSeconds");
        String secret = s.string("clientSecret");
        return new OidcSettings(
                kind(),
                s.string("tenantId"),
                s.string("clientId"),
                secret == null ? null : new Secret(secret),
                s.date("secretExpiresOn"),
                flow,
                s.string("issuerUrl"),
                Boolean.TRUE.equals(s.bool("multiTenant")),
                s.strings("allowedTenants"),
                s.strings("algorithms"),
                skew == null ? OidcSettings.DEFAULT_CLOCK_SKEW_SECONDS : skew,
                Boolean.TRUE.equals(s.bool("justInTime")));
    }

    @Override
    public Runnable prepareSave(Provider provider) {
        return feature().service().prepareSave(provider);
    }

    @Override
    public Object view(Provider provider) {
        OidcSettings settings = (OidcSettings) provider.settings();
        OidcProviderStatus status = feature().service().status(provider);
        return new OidcProviderView(
                provider.id().toString(),
                provider.displayName(),
                provider.enabled(),
                kind(),
                settings.tenantId(),
                settings.clientId(),
                settings.flow().name(),
                settings.flow().legacy(),
                status.issuer(),
                settings.multiTenant(),
                settings.allowedTenants(),
                settings.algorithms(),
                settings.clockSkewSeconds(),
                settings.justInTime(),
                settings.clientSecret() != null,
                settings.secretExpiresOn() == null
                        ? null
                        : settings.secretExpiresOn().toString(),
                status.redirectUri(),
                status.loginUrl(),
                status.discoveredAt() == null ? null : status.discoveredAt().toString(),
                status.keysFetchedAt() == null ? null : status.keysFetchedAt().toString(),
                status.endSessionEndpoint(),
                status.error(),
                status.graph() == null ? null : status.graph().at().toString(),
                status.graph() == null ? null : status.graph().ok(),
                status.graph() == null ? null : status.graph().message());
    }

    @Override
    public List<ProviderField> copyFields(Provider provider) {
        OidcProviderStatus status = feature().service().status(provider);
        return List.of(
                ProviderField.copy("Redirect URI (Web)", status.redirectUri(), "redirect-uri"),
                ProviderField.copy("Sign-in URL", status.loginUrl(), "login-url"));
    }

    @Override
    public List<ProviderField> details(Provider provider) {
        OidcSettings settings = (OidcSettings) provider.settings();
        OidcProviderStatus status = feature().service().status(provider);
        List<ProviderField> fields = new ArrayList<>();
        fields.add(ProviderField.copy("Tenant ID", settings.tenantId(), null));
        fields.add(ProviderField.copy("Client ID", settings.clientId(), null));
        fields.add(ProviderField.text("Issuer", status.issuer()));
        fields.add(new ProviderField(
                "Flow",
                switch (settings.flow()) {
                    case CODE_PKCE -> "Authorization code + PKCE (recommended)";
                    case LEGACY_HYBRID -> "Legacy hybrid (code id_token): the ID token passes through the browser;"
                            + " switch to code + PKCE when the app registration allows";
                    case LEGACY_IMPLICIT -> "Legacy implicit (id_token): the ID token passes through the browser and"
                            + " nothing proves the client; switch to code + PKCE when the app registration allows";
                },
                "flow",
                false));
        if (settings.multiTenant()) {
            fields.add(ProviderField.text("Tenants allowed", String.join(", ", settings.tenants())));
        }
        if (settings.secretExpiresOn() != null) {
            fields.add(new ProviderField(
                    "Client secret expires", settings.secretExpiresOn().toString(), "secret-expires", false));
        }
        fields.add(ProviderField.text("Algorithms", String.join(", ", settings.algorithms())));
        fields.add(ProviderField.text("Just-in-time users", settings.justInTime() ? "yes" : "no"));
        fields.add(ProviderField.text("Clock skew", settings.clockSkewSeconds() + " s"));
        String state = status.discoveredAt() == null ? "not yet discovered" : "discovered " + status.discoveredAt();
        if (status.error() != null) {
            state += "; last attempt failed: " + status.error();
        }
        fields.add(new ProviderField("Discovery and keys", state, "discovery-state", false));
        if (status.graph() != null) {
            fields.add(new ProviderField(
                    "Microsoft Graph",
                    (status.graph().ok() ? "working, " : "failing, ")
                            + status.graph().at() + ": " + status.graph().message(),
                    "graph-state",
                    false));
        }
        return fields;
    }

    @Override
    public boolean refreshable(Provider provider) {
        return provider.settings() instanceof OidcSettings;
    }

    @Override
    public void refresh(Provider provider, boolean retrust) {
        feature().service().refresh(provider);
    }

    @Override
    public String loginPath(Provider provider, String target) {
        return "/oidc/" + provider.id() + "/login?target=" + target;
    }

    @Override
    public Optional<String> logout(HttpSession session, String target) {
        if (session.getAttribute(OidcSession.SESSION_ATTRIBUTE) instanceof OidcSession oidc) {
            return OidcLogout.start(feature().service(), oidc, target);
        }
        return Optional.empty();
    }
}
