package pe.telco.orders.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long an instance keeps its copy of reference data (catalogue, coverage, terms) without hearing of a change. */
@ConfigMapping(prefix = "orders.reference-data")
public interface ReferenceDataConfig {

    /**
     * The fallback: a change made on another instance is announced at once (NOTIFY), and an instance that cannot
     * listen (LISTEN off, its listener connection lost) sees it after at most this long.
     */
    @WithDefault("PT30S")
    Duration cacheTtl();
}
