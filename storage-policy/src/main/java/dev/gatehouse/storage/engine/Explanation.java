package dev.gatehouse.storage.engine;

import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.QuotaBytes;
import dev.gatehouse.storage.model.Right;
import java.util.List;

/**
 * Where a user's right on a path comes from.
 *
 * @param sharedFolder the shared folder's name, or null when the path is outside every shared folder
 * @param entries every entry that applies to the path, matching the user or not
 * @param right the resulting right
 * @param quotaSource where the quota comes from: "user", "group '<name>'" or "none"
 */
public record Explanation(
        String sharedFolder,
        List<AppliedEntry> entries,
        Right right,
        String reason,
        QuotaBytes quota,
        String quotaSource,
        long usageBytes) {

    /**
     * One entry that applies to the path.
     *
     * @param definedOn the folder the entry is set on
     * @param inherited whether it reaches the path through a subfolder that inherits its parent's entries
     * @param matches whether it names the user, one of their groups, or everyone
     * @param via how it reaches the user: empty for a direct or everyone entry, else the group chain from the user's
     *     direct group up to the named group
     */
    public record AppliedEntry(
            AccessEntry entry, FolderPath definedOn, boolean inherited, boolean matches, List<String> via) {}
}
