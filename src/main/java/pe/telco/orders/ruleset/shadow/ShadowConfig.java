package pe.telco.orders.ruleset.shadow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much extra work a shadow run may add to an instance. */
@ConfigMapping(prefix = "orders.rules.shadow")
public interface ShadowConfig {

    /** Live evaluations per second (per instance) the shadow candidate decides at most; the rest are skipped. */
    @WithDefault("50")
    double maxRate();

    /** Live evaluations waiting for the shadow at most; when full, new ones are skipped (and counted). */
    @WithDefault("1000")
    int queue();

    /** Evaluations sent to the sandbox together. */
    @WithDefault("100")
    int batch();

    /** How often each instance checks which shadow run is on (the one that starts or ends it knows at once). */
    @WithDefault("5s")
    java.time.Duration checkInterval();
}
