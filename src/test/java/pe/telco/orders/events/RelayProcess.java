package pe.telco.orders.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import pe.telco.orders.events.hub.Deliverer;
import pe.telco.orders.events.hub.HubDestination;

/**
 * A second service instance's event machinery, run in a child JVM so a test can {@code kill -9} it: the relay (to
 * the hub's queue and to Kafka) and the hub's deliverer, looping on the given database until killed.
 * Arguments: JDBC URL, user, password, Kafka bootstrap servers.
 */
public final class RelayProcess {

    private RelayProcess() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(args[0]);
        db.setUser(args[1]);
        db.setPassword(args[2]);
        EventsConfig config = new TestConfig();
        KafkaDestination kafka = new KafkaDestination(Optional.of(args[3]), config);
        Relay relay = new Relay(db, List.of(new HubDestination(new ObjectMapper()), kafka), 5, e -> { });
        Deliverer deliverer = new Deliverer(db, config, new SimpleMeterRegistry());
        System.out.println("READY");
        System.out.flush();
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos(); // never outlive a test that forgot us
        while (System.nanoTime() < end) {
            relay.relayBatch();
            deliverer.deliverRound();
        }
        System.exit(0);
    }

    /** The settings of the test profile. */
    private static final class TestConfig implements EventsConfig {
        @Override public boolean enabled() { return true; }
        @Override public boolean relayEnabled() { return true; }
        @Override public Duration relayInterval() { return Duration.ofMillis(100); }
        @Override public int relayBatch() { return 5; }
        @Override public Duration retention() { return Duration.ofDays(7); }
        @Override public String kafkaTopicPrefix() { return "orders."; }
        @Override public Hub hub() {
            return new Hub() {
                @Override public int maxAttempts() { return 1000; }
                @Override public Duration firstBackoff() { return Duration.ofMillis(50); }
                @Override public Duration maxBackoff() { return Duration.ofMillis(200); }
                @Override public Duration timeout() { return Duration.ofSeconds(2); }
                @Override public Optional<List<String>> allowedCallbacks() { return Optional.empty(); }
                @Override public boolean allowAnyCallback() { return true; }
            };
        }
    }
}
