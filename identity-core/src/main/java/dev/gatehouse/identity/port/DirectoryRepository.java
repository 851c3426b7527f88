package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.SiteId;
import java.util.Optional;

/** Each site's directory settings. */
public interface DirectoryRepository {
    Optional<DirectorySettings> find(SiteId site);

    void save(DirectorySettings settings);

    /** Every site's directory settings. */
    java.util.List<DirectorySettings> all();
}
