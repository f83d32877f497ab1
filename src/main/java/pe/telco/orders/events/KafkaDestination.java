package pe.telco.orders.events;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes events to Kafka through Quarkus Messaging when {@code kafka.bootstrap.servers} is set: one outgoing
 * channel (smallrye-kafka), so one idempotent producer, whose records name their destination system's topic, keyed
 * by order id so each order's events stay in one partition in sequence, the TMF body as value and CloudEvents
 * binary-mode headers. One producer batches a relay round's records for all four topics into the same requests to the
 * broker (a channel per topic meant four producers, four request streams and four acknowledgements to wait for).
 * Without the property the channel leads to {@link KafkaUnconfiguredConnector}
 * ({@link KafkaChannelConfigSourceFactory}): no producer exists and this destination sends nothing. The relay marks
 * events published only after Kafka acknowledged every one of them.
 */
@ApplicationScoped
public class KafkaDestination implements EventDestination {

    /** The one outgoing channel; each record names its topic. */
    static final String CHANNEL = "events-to-kafka";
    /** Each destination system's topic, without the prefix. */
    static final Map<Topic, String> TOPICS = Map.of(Topic.ORDER, "order-events", Topic.SHIPMENT, "shipment-orders",
            Topic.WORK_ORDER, "work-orders", Topic.INVOICE, "invoices");
    /** How long a round waits for Kafka's acknowledgements; the producer's delivery.timeout.ms is the same. */
    static final Duration ACK_PATIENCE = Duration.ofSeconds(30);
    private static final URI SOURCE = URI.create(EventBodies.TMF_BASE);

    // The relay has at most one batch in flight and waits for it, so the emitter's buffer stays bounded by the batch
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> kafka;

    private final boolean enabled;
    private final String prefix;

    KafkaDestination(@ConfigProperty(name = KafkaChannelConfigSourceFactory.SERVERS) Optional<String> servers,
            EventsConfig config) {
        this.enabled = servers.filter(s -> !s.isBlank()).isPresent();
        this.prefix = config.kafkaTopicPrefix();
    }

    /** The topic a kind of event goes to, e.g. {@code orders.order-events}. */
    public String topic(Topic topic) {
        return prefix + TOPICS.get(topic);
    }

    @Override
    public void publish(Connection c, List<PublishedEvent> events) throws SQLException {
        if (!enabled) {
            return;
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        try {
            for (int i = 0; i < acks.length; i++) {
                PublishedEvent event = events.get(i);
                acks[i] = kafka.sendMessage(message(event)).subscribeAsCompletionStage();
            }
            CompletableFuture.allOf(acks).get(ACK_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // not acknowledged (nacked, timed out, or the channel refused it): the relay rolls back and sends the
            // batch again from its first event (at least once; consumers dedupe by ce_id)
            throw new SQLException("Kafka did not acknowledge the events: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for Kafka", e);
        }
    }

    private Message<String> message(PublishedEvent event) {
        String orderId = String.valueOf(event.orderId());
        return Message.of(event.body(), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(orderId).withTopic(topic(event.topic())).build(),
                OutgoingCloudEventMetadata.builder().withId(event.eventId()).withSource(SOURCE)
                        .withType(event.type().tmf()).withSubject(orderId)
                        .withTimestamp(event.occurredAt().toZonedDateTime()).withDataContentType("application/json")
                        .withExtension("sequence", event.seq()).build()));
    }
}
