package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One sign-in protocol, registered by the provider kind it serves. Everything generic code needs to know about a
 * provider of this kind goes through here; adding a protocol means one package with one implementation of this
 * interface, and no change to the providers API, the console, the login page or logout.
 */
public interface SignInProtocol {
    /** The provider kind, such as {@code saml}. */
    String kind();

    /** The protocol's name for people, such as {@code SAML 2.0}. */
    String label();

    /** How settings of this kind are stored. */
    ProviderSettingsFormat settingsFormat();

    /** The field names the {@code settings} object accepts. */
    Set<String> settingsFields();

    /** The settings an administrator sent; checked in full when the provider is saved. */
    ProviderSettings settings(SettingsInput input);

    /**
     * Checks what only the network or the payload can tell (a metadata URL that must answer, an uploaded document that
     * must parse), outside any transaction.
     *
     * @return what to store with the provider, run inside the saving transaction after the provider row was written
     */
    Runnable prepareSave(Provider provider);

    /** The provider as the admin API shows it: a record of the protocol's own. Call inside a transaction. */
    Object view(Provider provider);

    /** What the administrator copies into the identity provider. Call inside a transaction. */
    List<ProviderField> copyFields(Provider provider);

    /** The provider's settings and state as the console shows them. Call inside a transaction. */
    List<ProviderField> details(Provider provider);

    /** The console page (a JSP fragment) with the form that creates a provider of this kind. */
    String consoleForm();

    /** Whether {@link #refresh} has something to do for this provider (a metadata URL). */
    boolean refreshable(Provider provider);

    /**
     * Fetches what the provider publishes (metadata, keys) now. Call outside a transaction.
     *
     * @param retrust accept what it publishes now even if the keys trusted so far did not sign it (audited)
     */
    void refresh(Provider provider, boolean retrust);

    /** Where the login page's button for this provider leads, with the target after sign-in. */
    String loginPath(Provider provider, String target);

    /**
     * Ends the protocol's part of a session that is being signed out: the identity provider's logout URL to send the
     * browser to, if the session was signed in by this protocol and the provider has one. Call before the session is
     * invalidated.
     */
    Optional<String> logout(HttpSession session, String target);

    /**
     * The provider's credentials that expire, for the site's expiring-credentials view. By default its client secret
     * with the expiry the administrator copied from Entra ({@code ProviderSettings.secretExpiry()}), without which
     * sign-ins fail at the token endpoint; a protocol adds what else it trusts or holds (SAML: the IdP's signing
     * certificates). Call inside a transaction.
     */
    default java.util.List<ExpiringCredential> expiringCredentials(Provider provider) {
        return provider.settings()
                .secretExpiry()
                .map(expiry -> java.util.List.of(ExpiringCredential.clientSecret(
                        "client secret",
                        expiry,
                        "sign-ins with this provider fail: Entra refuses the client secret at the token endpoint")))
                .orElse(java.util.List.of());
    }
}
