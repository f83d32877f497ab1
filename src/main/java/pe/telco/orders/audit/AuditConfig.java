package pe.telco.orders.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the sealer runs. */
@ConfigMapping(prefix = "orders.audit")
public interface AuditConfig {

    /** Seal committed evaluations in the background (one instance at a time seals, by an advisory lock). */
    @WithDefault("true")
    boolean sealerEnabled();

    /** Pause between sealing rounds: how long at most an evaluation waits for its seal when nothing else runs. */
    @WithDefault("PT0.2S")
    Duration sealInterval();

    /** Evaluations sealed per transaction. */
    @WithDefault("500")
    int sealBatch();
}
