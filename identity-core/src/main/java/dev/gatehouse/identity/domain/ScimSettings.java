package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a site takes SCIM provisioning.
 *
 * @param newUserMethod the authentication method of users SCIM creates (typically the site's Entra SSO provider)
 * @param tenant the Entra tenant of the provisioning app: with {@code objectIdAttribute}, a provisioned user gets the
 *     same {@code entra:<tenant>:<object id>} link that SAML and OpenID Connect sign-ins make, so they are one user
 * @param objectIdAttribute the SCIM attribute the administrator mapped Entra's {@code objectId} to (for example
 *     {@code externalId} or {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}), or
 *     {@code null}
 * @param deletePolicy what {@code DELETE /Users/{id}} does
 * @param tokenScheme how the SCIM client authenticates: a bearer token or HTTP Basic
 * @param displayNameFrom where a user's display name comes from
 * @param emailFrom where a user's e-mail address comes from
 */
public record ScimSettings(
        SiteId site,
        AuthMethod newUserMethod,
        EntraTenantId tenant,
        String objectIdAttribute,
        DeletePolicy deletePolicy,
        TokenScheme tokenScheme,
        DisplayNameSource displayNameFrom,
        EmailSource emailFrom,
        Instant updatedAt) {

    public enum DeletePolicy {
        /** The user is deprovisioned (kept for audit, never signs in again) and loses its SCIM and Entra links. */
        DISABLE,
        /** The user is deleted, with its memberships and folder entries. */
        DELETE
    }

    public enum TokenScheme {
        BEARER,
        BASIC
    }

    public enum DisplayNameSource {
        /** {@code name.givenName} + {@code name.familyName} (else {@code name.formatted}, else {@code displayName}). */
        NAME,
        /** {@code displayName} (else the name). */
        DISPLAY_NAME
    }

    public enum EmailSource {
        /** The primary e-mail, else the work one, else the first; else {@code userName} when it is an address. */
        EMAILS,
        /** {@code userName} (a UPN is usually the mail address too). */
        USER_NAME
    }

    public ScimSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(newUserMethod, "newUserMethod");
        Objects.requireNonNull(deletePolicy, "deletePolicy");
        Objects.requireNonNull(tokenScheme, "tokenScheme");
        Objects.requireNonNull(displayNameFrom, "displayNameFrom");
        Objects.requireNonNull(emailFrom, "emailFrom");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A site that never configured SCIM: new users sign in with a local password, delete deprovisions, bearer tokens,
     * the display name from the name parts and the e-mail from {@code emails}.
     */
    public static ScimSettings defaults(SiteId site, Instant at) {
        return new ScimSettings(
                site,
                new AuthMethod.LocalPassword(),
                null,
                null,
                DeletePolicy.DISABLE,
                TokenScheme.BEARER,
                DisplayNameSource.NAME,
                EmailSource.EMAILS,
                at);
    }

    public Optional<EntraTenantId> entraTenant() {
        return Optional.ofNullable(tenant);
    }
}
