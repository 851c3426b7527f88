package dev.gatehouse.storage.model;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.Locale;

/** What a storage server asks to do on a path. Read and list need Read-only; write and delete need Read-write. */
public enum Action {
    READ,
    LIST,
    WRITE,
    DELETE;

    public static Action parse(String field, String text) {
        try {
            return valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    field, "'" + Texts.printable(text) + "' is not an action; use read, list, write or delete");
        }
    }
}
