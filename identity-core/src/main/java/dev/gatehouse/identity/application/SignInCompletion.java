package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.IdentityChangeListener;
import dev.gatehouse.identity.port.UnitOfWork;

/**
 * Everything that ends a sign-in once a protocol has validated who signed in, for every protocol (SAML, OIDC, OAuth, a
 * directory password): one transaction of {@link IdentityUpsert} (link lookup, just-in-time user, rename, groups,
 * method and state check, audit), retried when a simultaneous sign-in of the same new identity collides with it, and
 * then the storage decisions of the site invalidated, but only when the sign-in changed the user or their memberships:
 * an unchanged returning user leaves the site's decision index as it is. The web adapter turns the outcome into a
 * session or a page.
 */
public class SignInCompletion {
    /** Attempts before a sign-in that keeps colliding with simultaneous ones gives up. */
    static final int ATTEMPTS = 3;

    private final UnitOfWork unitOfWork;
    private final IdentityUpsert upsert;
    private final IdentityChangeListener changes;
    private final BoundedAuditWriter refusals;

    /** @param refusals audits sign-in messages refused before any identity was known (anyone can post them) */
    public SignInCompletion(
            UnitOfWork unitOfWork, IdentityUpsert upsert, IdentityChangeListener changes, BoundedAuditWriter refusals) {
        this.unitOfWork = unitOfWork;
        this.upsert = upsert;
        this.changes = changes;
        this.refusals = refusals;
    }

    /** Signs the identity in to {@code site}. Call outside a transaction. */
    public IdentityOutcome complete(SiteId site, IdentitySource source, ExternalIdentity identity) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                IdentityOutcome outcome = unitOfWork.inTransaction(
                        () -> upsert.upsert(site, source, IdentityUpsert.Purpose.SIGN_IN, identity));
                if (outcome instanceof IdentityOutcome.Success success && success.changed()) {
                    changes.identitiesChanged(site);
                }
                return outcome;
            } catch (ConflictException concurrent) {
                // a simultaneous sign-in of the same new identity created the user, its groups or their links: the
                // next attempt finds them by their links
            }
        }
        return new IdentityOutcome.Refused(
                IdentityOutcome.Refusal.COLLIDED, null, "your sign-in collided with another one");
    }

    /**
     * Audits a sign-in that failed before any identity was known (a forged, expired or replayed message): anyone can post
     * such messages, so they are audited by a {@link BoundedAuditWriter} (a bounded number a second itemized with the
     * detail cut, the rest counted).
     */
    public void refusedBeforeIdentity(SiteId site, IdentitySource source, String detail) {
        refusals.record(site, source.actor(), () -> "", () -> detail);
    }
}
