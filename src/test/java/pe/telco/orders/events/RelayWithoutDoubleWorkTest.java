package pe.telco.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two more relays, each on its own connections, compete with the instance's own relay while orders change: every
 * event is handed over exactly once, each order's in sequence, and positions follow publication.
 */
@QuarkusTest
class RelayWithoutDoubleWorkTest {

    @Inject
    DataSource db;
    @Inject
    RecordingDestination recorded;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void threeRelaysPublishEveryEventOnceInSequence() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger byTestRelays = new AtomicInteger();
        List<CompletableFuture<Void>> relays = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Relay relay = new Relay(db, List.of(recorded), 2, e -> byTestRelays.incrementAndGet());
            relays.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    try {
                        relay.relayBatch();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        List<Long> orders = new ArrayList<>();
        try {
            List<CompletableFuture<Long>> walks = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                long id = EventsFixture.released();
                EventsFixture.fulfilAndPay(id);
                return id;
            })).toList();
            walks.forEach(w -> orders.add(w.join()));
            awaitPublished(orders, Duration.ofSeconds(60));
        } finally {
            stop.set(true);
        }
        relays.forEach(CompletableFuture::join);

        assertThat(byTestRelays.get()).as("the test's relays took part").isPositive();
        for (long id : orders) {
            int count = EventsFixture.rows(db, id).size();
            assertThat(recorded.of(id)).as("order " + id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
            List<Long> positions = EventsFixture.rows(db, id).stream().map(EventsFixture.Row::position).toList();
            assertThat(positions).doesNotContainNull().isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void lagAndBacklogAreMetrics() throws Exception {
        long id = EventsFixture.released();
        awaitPublished(List.of(id), Duration.ofSeconds(30));
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        assertThat(metrics).contains("orders_events_backlog ").contains("orders_events_oldest_waiting_seconds ");
        String count = metrics.lines().filter(l -> l.startsWith("orders_events_relay_lag_seconds_count"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(count.substring(count.lastIndexOf(' ') + 1))).isPositive();
    }

    private void awaitPublished(List<Long> orders, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (unpublished(orders) > 0) {
            assertThat(System.nanoTime()).as("every event published in time").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // between polls of the condition
        }
    }

    private long unpublished(List<Long> orders) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null and order_id = any (?)")) {
            s.setArray(1, c.createArrayOf("bigint", orders.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
