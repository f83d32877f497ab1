package pe.telco.orders.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events to Kafka when {@code kafka.bootstrap.servers} is set (otherwise no producer is ever created):
 * one topic per destination system, keyed by order id so each order's events stay in one partition in sequence,
 * the TMF body as value and CloudEvents binary-mode headers. The producer is idempotent with acks=all, and the relay
 * marks events published only after Kafka acknowledged them all.
 */
@ApplicationScoped
public class KafkaDestination implements EventDestination {

    static final Map<Topic, String> TOPICS = Map.of(Topic.ORDER, "order-events", Topic.SHIPMENT, "shipment-orders",
            Topic.WORK_ORDER, "work-orders", Topic.INVOICE, "invoices");
    private static final String SOURCE = EventBodies.TMF_BASE;

    private final Optional<String> servers;
    private final String prefix;
    private KafkaProducer<String, String> producer;

    public KafkaDestination(@ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> servers,
            EventsConfig config) {
        this.servers = servers.filter(s -> !s.isBlank());
        this.prefix = config.kafkaTopicPrefix();
    }

    /** The topic a kind of event goes to, e.g. {@code orders.order-events}. */
    public String topic(Topic topic) {
        return prefix + TOPICS.get(topic);
    }

    @Override
    public void publish(Connection c, List<PublishedEvent> events) throws SQLException {
        if (servers.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (PublishedEvent event : events) {
            sent.add(producer().send(record(event)));
        }
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // not acknowledged: the relay rolls back and sends again (at least once; consumers dedupe by ce_id)
            throw new SQLException("Kafka did not acknowledge the events: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for Kafka", e);
        }
    }

    private ProducerRecord<String, String> record(PublishedEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic(event.topic()),
                String.valueOf(event.orderId()), event.body());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId());
        header(record, "ce_source", SOURCE);
        header(record, "ce_type", event.type().tmf());
        header(record, "ce_time", event.occurredAt().toString());
        header(record, "ce_subject", String.valueOf(event.orderId()));
        header(record, "ce_sequence", String.valueOf(event.seq()));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.get());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"); // idempotence keeps order up to 5
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
