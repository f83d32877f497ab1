package pe.telco.orders.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the operator contacts customers after an order. */
@ConfigMapping(prefix = "orders.follow-up")
public interface FollowUpConfig {

    /** Days after completion when the satisfaction contact is due. */
    @WithDefault("2")
    int dueAfterDays();

    /** A satisfaction score at or below this opens a support ticket (scores are 1 to 5). */
    @WithDefault("2")
    int lowScore();

    /** Days after a ticket is opened when support contacts the customer. */
    @WithDefault("1")
    int contactAfterDays();
}
