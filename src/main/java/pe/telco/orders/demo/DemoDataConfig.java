package pe.telco.orders.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether to load the demo data set (a Lima operator's catalogue, coverage, stock and customers). */
@ConfigMapping(prefix = "orders.demo-data")
public interface DemoDataConfig {

    /** Load the demo data set at start-up when the catalogue is empty; on by default only in dev mode. */
    @WithDefault("false")
    boolean enabled();
}
