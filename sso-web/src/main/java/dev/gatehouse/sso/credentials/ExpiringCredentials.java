package dev.gatehouse.sso.credentials;

import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything of a site that expires, soonest first, for the admin API and the console alike: the secrets Gatehouse
 * issued (SCIM tokens, API tokens, app passwords) and what each sign-in provider's protocol reports (client secrets,
 * SAML signing certificates).
 */
@ApplicationScoped
public class ExpiringCredentials {
    @Inject
    Credentials credentials;

    @Inject
    ProviderRepository providers;

    @Inject
    SignInRegistry signIn;

    /** Call inside a transaction. @param revoked list revoked credentials too */
    public List<CredentialView> of(SiteId site, boolean revoked) {
        Instant now = Clock.systemUTC().instant();
        List<CredentialView> views = new ArrayList<>();
        for (Credential credential : credentials.list(site)) {
            if (revoked || credential.revokedAt() == null) {
                views.add(CredentialView.of(credential, now));
            }
        }
        for (Provider provider : providers.listBySite(site)) {
            signIn.protocols().find(provider.settings().kind()).ifPresent(protocol -> protocol.expiringCredentials(
                            provider)
                    .forEach(credential -> views.add(CredentialView.of(provider, credential, now))));
        }
        views.sort(Comparator.comparing(CredentialView::expiresAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return views;
    }
}
