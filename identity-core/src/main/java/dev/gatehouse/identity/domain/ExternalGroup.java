package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import java.util.Objects;
import java.util.Optional;

/**
 * A group an external source says a user belongs to.
 *
 * @param name the source's display name for it, when the source sends one (the directory and SCIM do; Entra's tokens
 *     and assertions send only object IDs)
 */
public record ExternalGroup(GroupKey key, String name) {
    public ExternalGroup {
        Objects.requireNonNull(key, "key");
        name = name == null ? null : Texts.withoutUnsafeCharacters(name).strip();
        name = name == null || name.isEmpty() ? null : name.length() > 256 ? name.substring(0, 256) : name;
    }

    public static ExternalGroup of(GroupKey key) {
        return new ExternalGroup(key, null);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(name);
    }
}
