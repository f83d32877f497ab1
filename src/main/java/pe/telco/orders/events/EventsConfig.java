package pe.telco.orders.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the outbox relay runs, how long published events are kept, and how listeners are called. */
@ConfigMapping(prefix = "orders.events")
public interface EventsConfig {

    /**
     * Publish events at all. Off (for a deployment where nothing consumes them): no outbox rows are written, nothing
     * is relayed, and the pull feed and the TMF622 hub answer 404.
     */
    @WithDefault("true")
    boolean enabled();

    /** Relay committed events on this instance (any number of instances may: each order is taken by one at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between relay rounds when nothing was waiting: how long at most a committed event waits to go out. */
    @WithDefault("PT0.1S")
    Duration relayInterval();

    /** Orders taken per relay transaction. */
    @WithDefault("100")
    int relayBatch();

    /** How long published events are kept for audit, the pull feed and redelivery; older ones are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Prefix of the Kafka topics (order-events, shipment-orders, work-orders, invoices), used with kafka.bootstrap.servers. */
    @WithDefault("orders.")
    String kafkaTopicPrefix();

    /** TMF622 hub listeners. */
    Hub hub();

    /** How listeners registered on the hub are called. */
    interface Hub {

        /** Failed calls in a row after which a listener's delivery is dead-lettered and the listener paused. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one, up to {@link #maxBackoff()}. */
        @WithDefault("PT1S")
        Duration firstBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** How long one call to a listener may take. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * Callback URLs a listener may register, as prefixes (e.g. {@code https://crm.telco.pe/}). The service calls
         * these URLs from inside the network, so an open registration would let a channel make it call internal
         * addresses (SSRF): production allows none until an operator lists them; dev and test allow any http(s) URL.
         */
        Optional<List<String>> allowedCallbacks();

        /** Allow any http or https callback (dev and test only). */
        @WithDefault("false")
        boolean allowAnyCallback();
    }
}
