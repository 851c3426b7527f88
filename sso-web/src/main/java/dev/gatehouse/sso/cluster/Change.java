package dev.gatehouse.sso.cluster;

import java.util.Objects;

/**
 * What a committed change makes every node drop: a site's decision index, or a storage client held in the admission
 * cache.
 *
 * @param key the site's or the client's ID
 */
public record Change(Kind kind, String key) {
    public enum Kind {
        SITE,
        STORAGE_CLIENT
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a change's key holds no '|'");
        }
    }

    public static Change site(Object site) {
        return new Change(Kind.SITE, site.toString());
    }

    public static Change storageClient(Object client) {
        return new Change(Kind.STORAGE_CLIENT, client.toString());
    }
}
