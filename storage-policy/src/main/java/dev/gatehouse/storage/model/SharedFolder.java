package dev.gatehouse.storage.model;

import dev.gatehouse.identity.domain.SiteId;
import java.util.Objects;
import java.util.UUID;

/**
 * A shared folder of a site: a named top of a tree of paths whose access Gatehouse decides. Paths outside every
 * shared folder are denied. Shared folders do not nest.
 */
public record SharedFolder(UUID id, SiteId site, String name, FolderPath path) {
    public SharedFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
