package dev.gatehouse.storage.model;

import java.util.Objects;

/**
 * Per-path setting of an access list: whether the entries on {@code path} add to those inherited from above
 * ({@code inheritsParent}) instead of replacing them.
 */
public record AclFolder(FolderPath path, boolean inheritsParent) {
    public AclFolder {
        Objects.requireNonNull(path, "path");
    }
}
