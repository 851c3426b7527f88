package dev.gatehouse.storage.port;

import dev.gatehouse.identity.domain.SiteId;
import java.time.Duration;

/** Told when a site's decision index is dropped after a change and when one is built: for metrics. */
public interface PolicyIndexListener {
    PolicyIndexListener NONE = new PolicyIndexListener() {
        @Override
        public void invalidated(SiteId site) {}

        @Override
        public void built(SiteId site, Duration took) {}
    };

    void invalidated(SiteId site);

    void built(SiteId site, Duration took);
}
