package dev.gatehouse.identity.application;

/**
 * A partial update of a user: every {@code null} field stays as it is. {@code clearEmail} removes the e-mail address.
 *
 * @param state {@code ENABLED}, {@code DISABLED} or {@code DEPROVISIONED}
 */
public record UserChanges(
        String login,
        String displayName,
        String email,
        boolean clearEmail,
        String state,
        String authMethod,
        Boolean administrator) {}
