package pe.telco.orders.events;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Starts a real Kafka broker before the service and points the service's {@code kafka.bootstrap.servers} at it. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    static volatile KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(Path.of("target", "kafka-test-" + UUID.randomUUID()));
            // as an operator would: the service's topics exist before it publishes (3 partitions each)
            broker.createTopics(KafkaDestination.TOPICS.values().stream().map(t -> "orders." + t).toList());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Kafka broker", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrap());
    }

    @Override
    public void stop() {
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
