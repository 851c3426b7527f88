package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Duration;

/**
 * The kinds of secret Gatehouse generates and hands out once. All share one lifecycle ({@link Credential}): shown once,
 * stored hashed, an expiry, extend, reset, revoke, alerts before expiry.
 */
public enum CredentialKind {
    /** A SCIM client's bearer token or Basic password (Entra's "Secret Token"). */
    SCIM_TOKEN(
            "scim-token",
            "ghs_",
            Duration.ofDays(365),
            "provisioning stops: users created, changed or removed in Entra no longer reach Gatehouse, and removed"
                    + " users keep their access",
            "extend the token, or reset it and paste the new secret into the Entra provisioning app's Secret Token"
                    + " and test the connection"),
    /** An administrator's token for automation against the admin API. */
    API_TOKEN(
            "api-token",
            "gha_",
            Duration.ofDays(90),
            "scripts and automation that call the admin API with this token are refused",
            "extend the token, or create a new one and update the automation"),
    /** A user's password for one SFTP, WebDAV or SMB client, for users who sign in by SSO. */
    APP_PASSWORD(
            "app-password",
            "ghp_",
            Duration.ofDays(365),
            "the file client that uses this app password can no longer sign in",
            "the user extends it or creates a new app password and enters it in the client");

    private final String code;
    private final String prefix;
    private final Duration defaultLifetime;
    private final String whenExpired;
    private final String howToRenew;

    CredentialKind(String code, String prefix, Duration defaultLifetime, String whenExpired, String howToRenew) {
        this.code = code;
        this.prefix = prefix;
        this.defaultLifetime = defaultLifetime;
        this.whenExpired = whenExpired;
        this.howToRenew = howToRenew;
    }

    /** The form used in the API and the database: {@code scim-token}, {@code api-token}, {@code app-password}. */
    public String code() {
        return code;
    }

    /** The first characters of every secret of this kind, so that a leaked one is recognised by secret scanners. */
    public String prefix() {
        return prefix;
    }

    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    /** What stops working when a credential of this kind expires. */
    public String whenExpired() {
        return whenExpired;
    }

    /** What an administrator or user does to renew it. */
    public String howToRenew() {
        return howToRenew;
    }

    public static CredentialKind parse(String field, String code) {
        for (CredentialKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw ValidationException.of(
                field,
                "'" + Texts.printable(code) + "' is not a credential kind; use scim-token, api-token or app-password");
    }
}
