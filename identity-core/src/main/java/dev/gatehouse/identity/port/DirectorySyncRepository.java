package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the directory sync keeps between runs: each controller's cursor, the users it disabled, its log. */
public interface DirectorySyncRepository {
    List<DirectoryEntries.Cursor> cursors(SiteId site);

    /** Replaces the cursor of the cursor's controller. */
    void saveCursor(SiteId site, DirectoryEntries.Cursor cursor, Instant at);

    /** The users the sync disabled (gone from the directory or disabled there), which it may enable again. */
    Set<UserId> disabledBySync(SiteId site);

    void markDisabledBySync(SiteId site, UserId user, Instant at);

    void unmarkDisabledBySync(SiteId site, UserId user);

    void saveRun(DirectorySyncRun run);

    /** The newest runs first. */
    List<DirectorySyncRun> runs(SiteId site, int limit);

    /** When the newest run that was not a dry run started. */
    Optional<Instant> lastRunStarted(SiteId site);
}
