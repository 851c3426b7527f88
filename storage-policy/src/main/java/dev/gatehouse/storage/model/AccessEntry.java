package dev.gatehouse.storage.model;

import java.util.Objects;
import java.util.UUID;

/** One line of a folder's access list: on {@code path}, {@code grantee} has {@code right}. */
public record AccessEntry(UUID id, FolderPath path, Grantee grantee, Right right) {
    public AccessEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(right, "right");
        if (right == Right.NONE) {
            throw new IllegalArgumentException("an entry grants READ_ONLY or READ_WRITE, or is a DENY");
        }
    }
}
