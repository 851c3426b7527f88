package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person (or service account) of one site. Exactly one {@link AuthMethod}; a {@link PasswordHash} only when that
 * method is a local password (or was, for an administrator kept as break-glass).
 *
 * @param email optional, informational
 * @param passwordHash {@code null} when the user has no local password
 */
public record User(
        UserId id,
        SiteId site,
        Login login,
        String displayName,
        EmailAddress email,
        UserState state,
        AuthMethod authMethod,
        boolean administrator,
        PasswordHash passwordHash,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Optional<EmailAddress> emailAddress() {
        return Optional.ofNullable(email);
    }

    public Optional<PasswordHash> password() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean isEnabled() {
        return state == UserState.ENABLED;
    }

    /**
     * Whether this user is a break-glass administrator: enabled, an administrator, signing in with a local password
     * that is set. A site must always keep at least one.
     */
    public boolean isBreakGlassAdministrator() {
        return administrator && isEnabled() && authMethod instanceof AuthMethod.LocalPassword && passwordHash != null;
    }

    public User withLogin(Login newLogin, Instant at) {
        return new User(
                id, site, newLogin, displayName, email, state, authMethod, administrator, passwordHash, createdAt, at);
    }

    public User withProfile(String newDisplayName, EmailAddress newEmail, Instant at) {
        return new User(
                id,
                site,
                login,
                newDisplayName,
                newEmail,
                state,
                authMethod,
                administrator,
                passwordHash,
                createdAt,
                at);
    }

    public User withState(UserState newState, Instant at) {
        return new User(
                id, site, login, displayName, email, newState, authMethod, administrator, passwordHash, createdAt, at);
    }

    public User withAuthMethod(AuthMethod newMethod, Instant at) {
        return new User(
                id, site, login, displayName, email, state, newMethod, administrator, passwordHash, createdAt, at);
    }

    public User withAdministrator(boolean newAdministrator, Instant at) {
        return new User(
                id, site, login, displayName, email, state, authMethod, newAdministrator, passwordHash, createdAt, at);
    }

    public User withPasswordHash(PasswordHash newHash, Instant at) {
        return new User(id, site, login, displayName, email, state, authMethod, administrator, newHash, createdAt, at);
    }
}
