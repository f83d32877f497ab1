package pe.telco.orders.ruleset.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How far ahead an activation may be scheduled. */
@ConfigMapping(prefix = "orders.rules.schedule")
public interface ScheduleConfig {

    /**
     * The nearest instant accepted, from now: every instance must learn of the schedule and compile the version
     * before it comes.
     */
    @WithDefault("2s")
    Duration minLead();

    /** The farthest instant accepted, from now (a typo in the year is refused, not kept for decades). */
    @WithDefault("400d")
    Duration maxLead();
}
