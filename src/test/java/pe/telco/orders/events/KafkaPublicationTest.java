package pe.telco.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code kafka.bootstrap.servers} set, every event also reaches a real Kafka broker (KRaft, started by the
 * test): on its system's topic, keyed by order id, in sequence, with CloudEvents headers, each event id once, all
 * through one producer.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KafkaPublicationTest {

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void anOrdersEventsReachTheirTopicsKeyedInSequenceWithCloudEventsHeaders() throws Exception {
        long id = EventsFixture.released();
        EventsFixture.fulfilAndPay(id);
        List<EventsFixture.Row> rows = EventsFixture.rows(db, id);

        List<ConsumerRecord<String, String>> received = consume(id, rows.size(), Duration.ofSeconds(60));

        assertThat(received).extracting(ConsumerRecord::key).containsOnly(String.valueOf(id));
        assertThat(received).extracting(r -> header(r, "ce_id"))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(EventsFixture.Row::eventId).toList())
                .doesNotHaveDuplicates();
        for (String topic : List.of("order-events", "shipment-orders", "work-orders", "invoices")) {
            List<Integer> seqs = received.stream().filter(r -> r.topic().equals("orders." + topic))
                    .map(r -> Integer.parseInt(header(r, "ce_sequence"))).toList();
            assertThat(seqs).as(topic).isNotEmpty().isSorted();
        }
        assertThat(received.stream().filter(r -> r.topic().equals("orders.order-events")).map(r -> header(r,
                "ce_type")).toList()).startsWith("ProductOrderCreateEvent", "ProductOrderStateChangeEvent");
        ConsumerRecord<String, String> first = received.stream()
                .filter(r -> header(r, "ce_sequence").equals("1")).findFirst().orElseThrow();
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_source")).isEqualTo("/tmf-api/productOrderingManagement/v5");
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        assertThat(first.value()).contains("\"eventId\":\"" + header(first, "ce_id") + "\"");
        assertThat(IntStream.rangeClosed(1, rows.size()).boxed().toList()).containsExactlyInAnyOrderElementsOf(
                received.stream().map(r -> Integer.parseInt(header(r, "ce_sequence"))).toList());
    }

    /** One producer for every topic: a relay round's records share its requests to the broker and their acks. */
    @Test
    void oneProducerCarriesEveryTopic() throws Exception {
        long id = EventsFixture.released();
        EventsFixture.fulfilAndPay(id);
        consume(id, EventsFixture.rows(db, id).size(), Duration.ofSeconds(60));

        // every Kafka producer registers this MBean, named by its client id, for as long as it lives
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.producer:type=producer-metrics,*"), null)).hasSize(1);
    }

    private List<ConsumerRecord<String, String>> consume(long orderId, int expected, Duration patience) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(KafkaDestination.TOPICS.values().stream().map(t -> "orders." + t).toList());
            long deadline = System.nanoTime() + patience.toNanos();
            while (mine.size() < expected) {
                assertThat(System.nanoTime()).as("the order's events reach Kafka").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(String.valueOf(orderId))) {
                        mine.add(record);
                    }
                }
            }
        }
        return mine;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
