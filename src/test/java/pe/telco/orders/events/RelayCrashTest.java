package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.ServiceProcess;

/**
 * The only relay at work (another instance's, in a child JVM) is killed with {@code kill -9} while orders change and
 * events go to a real Kafka broker and to a listener; another one starts. Afterwards every committed change has its events on both
 * destinations, each event id at least once (so exactly once by id), each order's in sequence, and nothing else.
 */
@QuarkusTest
@TestProfile(RelayCrashProfile.class)
class RelayCrashTest {

    private static final String HUB = "/tmf-api/productOrderingManagement/v5/hub";

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void afterAKillEveryCommittedEventReachesKafkaAndTheListenerOnceByIdInSequence() throws Exception {
        try (TestListener listener = new TestListener()) {
            String hub = given().auth().preemptive().basic("olga.ops", "ops-secret").contentType(ContentType.JSON)
                    .body(Map.of("callback", listener.callback())).post(HUB).then().statusCode(201).extract()
                    .path("id");
            List<Long> orders = new ArrayList<>();
            ServiceProcess first = relayProcess("first");
            try {
                CompletableFuture<Void> changes = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 6; i++) {
                        long id = EventsFixture.released();
                        synchronized (orders) {
                            orders.add(id);
                        }
                        // refused, rolled back: must leave no event anywhere
                        EventsFixture.post("/api/shipments/" + EventsFixture.shipmentId(id) + "/delivery", Map.of())
                                .then().statusCode(409);
                        EventsFixture.fulfilAndPay(id);
                    }
                });
                await("events are being published", () -> published(snapshot(orders)) >= 20);
                first.kill(); // SIGKILL: no shutdown hook runs
                ServiceProcess second = relayProcess("second");
                try {
                    changes.join();
                    await("every event is published and delivered", () -> published(orders) == total(orders)
                            && undelivered(hub) == 0);
                } finally {
                    second.kill();
                }
            } finally {
                first.kill();
                given().auth().preemptive().basic("olga.ops", "ops-secret").delete(HUB + "/" + hub);
            }

            Map<String, EventsFixture.Row> committed = new HashMap<>();
            for (long id : orders) {
                EventsFixture.rows(db, id).forEach(r -> committed.put(r.eventId(), r));
            }
            Map<String, List<String>> onKafka = kafkaEventIds(orders, committed.size());
            List<String> atListener = listener.accepted().stream().map(TestListener.Call::eventId)
                    .filter(committed::containsKey).toList();
            assertThat(onKafka.values().stream().flatMap(List::stream).distinct().toList())
                    .as("on Kafka").containsExactlyInAnyOrderElementsOf(committed.keySet());
            assertThat(new LinkedHashSet<>(atListener)).as("at the listener")
                    .containsExactlyInAnyOrderElementsOf(committed.keySet());
            List<List<String>> streams = new ArrayList<>(onKafka.values()); // each topic keeps its own order
            streams.add(atListener);
            for (List<String> received : streams) {
                for (long id : orders) {
                    List<Integer> firstSeen = new LinkedHashSet<>(received).stream().map(committed::get)
                            .filter(r -> r.orderId() == id).map(EventsFixture.Row::seq).toList();
                    assertThat(firstSeen).as("order " + id + " in sequence").isSorted();
                }
            }
        }
    }

    /**
     * Another instance of the service (a child JVM) on this one's database and Kafka broker, relaying events to the
     * hub's queue and to Kafka and delivering to hub listeners; returns once it has started.
     */
    private static ServiceProcess relayProcess(String name) {
        return ServiceProcess.start("relay-" + name, ServiceProcess.Database.ofThisService(), Map.of(
                "kafka.bootstrap.servers", KafkaBrokerResource.broker.bootstrap(),
                "orders.events.relay-batch", "5",
                "orders.events.hub.max-attempts", "1000",
                // the test's service seals; two sealers with keys of their own would only compete for the lock
                "orders.audit.sealer-enabled", "false"));
    }

    private static List<Long> snapshot(List<Long> orders) {
        synchronized (orders) {
            return List.copyOf(orders);
        }
    }

    private long published(List<Long> orders) {
        return count("select count(*) from outbox_event where position is not null and order_id = any (?)", orders);
    }

    private long total(List<Long> orders) {
        return count("select count(*) from outbox_event where order_id = any (?)", orders);
    }

    private long count(String sql, List<Long> orders) {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", orders.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long undelivered(String hub) {
        try (var c = db.getConnection(); var s = c.prepareStatement("select count(*) from listener_delivery"
                + " where listener_id = ?::uuid and state <> 'DELIVERED'")) {
            s.setString(1, hub);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls of the condition
        }
    }

    /** Every record of these orders on the service's topics, as ce_id in arrival order, by topic. */
    private static Map<String, List<String>> kafkaEventIds(List<Long> orders, int expected) {
        Set<String> keys = new java.util.HashSet<>(orders.stream().map(String::valueOf).toList());
        Map<String, List<String>> byTopic = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(KafkaDestination.TOPICS.values().stream().map(t -> "orders." + t).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                        ids.add(id);
                        byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        return byTopic;
    }
}
