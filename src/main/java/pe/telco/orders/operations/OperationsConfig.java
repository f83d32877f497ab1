package pe.telco.orders.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the readiness check questions the database. */
@ConfigMapping(prefix = "orders.operations")
public interface OperationsConfig {

    /** The readiness check's queries give up after this long (whole seconds): a database this slow is not ready. */
    @WithDefault("2s")
    Duration readinessQueryTimeout();

    /** Unsealed evaluations and waiting events are counted up to this many; past it the answer says "more than". */
    @WithDefault("10000")
    int backlogCountLimit();
}
