package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.ProvisioningEntry;
import dev.gatehouse.identity.domain.SiteId;
import java.time.Instant;

/** The provisioning log: one entry per request of a provisioning client. */
public interface ProvisioningLog {
    void append(ProvisioningEntry entry);

    /**
     * The newest entries first.
     *
     * @param method {@code null}: every method
     * @param resource {@code null}: every resource; otherwise entries whose resource starts with it
     * @param failuresOnly only entries with a status of 400 or more
     */
    Page<ProvisioningEntry> query(
            SiteId site, String method, String resource, boolean failuresOnly, Instant since, PageRequest page);

    /** @return the entries deleted */
    int deleteBefore(Instant before);
}
