package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.events.hub.Signature;

/**
 * TMF622 hub listeners on a real HTTP server: a listener that fails for a while gets everything in order once it
 * recovers; one that never does is dead-lettered and redelivered on request; signatures verify with the listener's
 * secret only; a channel's listener hears only its own orders.
 */
@QuarkusTest
class HubListenersTest {

    private static final String HUB = "/tmf-api/productOrderingManagement/v5/hub";

    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    private static JsonPath register(String user, String password, String callback, String query) {
        return as(user, password).contentType(ContentType.JSON)
                .body(query == null ? Map.of("callback", callback) : Map.of("callback", callback, "query", query))
                .post(HUB).then().statusCode(201).extract().jsonPath();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between polls of the condition
        }
    }

    private static List<TestListener.Call> of(TestListener listener, long orderId) {
        return listener.accepted().stream().filter(c -> c.body().contains(
                "\"href\":\"/tmf-api/productOrderingManagement/v5/productOrder/" + orderId + "\"")).toList();
    }

    @Test
    void aListenerThatFailsForAWhileGetsEveryEventInOrderSigned() throws Exception {
        try (TestListener web = new TestListener(); TestListener app = new TestListener()) {
            web.failNext.set(3); // fewer than the allowed attempts (4 in the test profile)
            JsonPath hub = register("web", "web-secret", web.callback(), null);
            String secret = hub.getString("secret");
            assertThat(secret).hasSizeGreaterThan(30);
            String appHub = register("app", "app-secret", app.callback(), null).getString("id");
            try {
                long id = EventsFixture.released(); // a WEB order: 6 events
                await("the WEB listener has all six events", () -> of(web, id).size() >= 6);

                List<TestListener.Call> calls = of(web, id);
                assertThat(web.refused.get()).isGreaterThanOrEqualTo(3);
                assertThat(calls).extracting(c -> json.readTree(c.body()).path("eventId").asText())
                        .containsExactlyElementsOf(EventsFixture.rows(db, id).stream().map(EventsFixture.Row::eventId)
                                .toList());
                assertThat(calls.get(0).path()).isEqualTo("/hooks/listener/productOrderCreateEvent");
                assertThat(calls.get(1).path()).isEqualTo("/hooks/listener/productOrderStateChangeEvent");
                assertThat(calls.get(3).path()).isEqualTo("/hooks/listener/shippingOrderCreateEvent");
                for (TestListener.Call call : calls) {
                    assertThat(call.signature()).isEqualTo(Signature.sign(secret, call.body()));
                    assertThat(call.signature()).isNotEqualTo(Signature.sign(Signature.newSecret(), call.body()));
                }
                assertThat(of(app, id)).isEmpty();
                assertThat(deliveriesTo(appHub, id)).isZero();
            } finally {
                as("web", "web-secret").delete(HUB + "/" + hub.getString("id")).then().statusCode(204);
                as("app", "app-secret").delete(HUB + "/" + appHub).then().statusCode(204);
            }
        }
    }

    @Test
    void aListenerThatNeverRecoversIsDeadLetteredAndRedeliveredOnRequest() throws Exception {
        try (TestListener ops = new TestListener()) {
            ops.down.set(true);
            // an operations listener gets every event relayed after it registers, earlier tests' included: its first
            // failure must be this order's, or that earlier event is dead-lettered and the listener suspended first
            await("earlier events are relayed", () -> unpublishedEvents() == 0);
            String hub = register("olga.ops", "ops-secret", ops.callback(), "eventType=ProductOrderCreateEvent,"
                    + "ProductOrderStateChangeEvent").getString("id");
            try {
                long id = EventsFixture.released();
                await("the first event is dead-lettered", () -> deadLetters().stream()
                        .anyMatch(d -> ((Number) d.get("orderId")).longValue() == id));
                Map<String, Object> dead = deadLetters().stream()
                        .filter(d -> ((Number) d.get("orderId")).longValue() == id).findFirst().orElseThrow();
                assertThat(dead).containsEntry("sequence", 1).containsEntry("attempts", 4)
                        .containsEntry("lastError", "HTTP 500");
                assertThat(ops.accepted()).isEmpty();

                ops.down.set(false);
                as("olga.ops", "ops-secret").post("/api/events/dead-letters/" + dead.get("id") + "/redelivery").then()
                        .statusCode(200);
                await("both events arrive after redelivery", () -> of(ops, id).size() >= 2);
                assertThat(of(ops, id)).extracting(TestListener.Call::path).containsExactly(
                        "/hooks/listener/productOrderCreateEvent", "/hooks/listener/productOrderStateChangeEvent");
                assertThat(deadLetters()).noneMatch(d -> ((Number) d.get("orderId")).longValue() == id);
                as("olga.ops", "ops-secret").post("/api/events/dead-letters/" + dead.get("id") + "/redelivery").then()
                        .statusCode(409);
            } finally {
                as("olga.ops", "ops-secret").delete(HUB + "/" + hub).then().statusCode(204);
            }
        }
    }

    @Test
    void aListenerThatHangsHoldsNoLockNorTransactionOnlyItsLease() throws Exception {
        try (TestListener slow = new TestListener()) {
            slow.hang.set(true);
            String hub = register("web", "web-secret", slow.callback(), null).getString("id");
            try {
                EventsFixture.released();
                await("a call is hanging in the listener", () -> slow.hanging.get() > 0);

                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement s = c.prepareStatement("select lease_owner, lease_until > clock_timestamp()"
                            + " from event_listener where id = ?::uuid for update nowait")) {
                        s.setString(1, hub);
                        try (ResultSet rs = s.executeQuery()) { // 55P03 if the deliverer held the row
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).as("lease owner").startsWith("deliverer-");
                            assertThat(rs.getBoolean(2)).as("lease still running").isTrue();
                        }
                    } finally {
                        c.rollback();
                    }
                    try (PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where"
                            + " datname = current_database() and state like 'idle in transaction%'"
                            + " and xact_start < clock_timestamp() - interval '1 second'")) {
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            assertThat(rs.getLong(1)).as("transactions open for more than a second").isZero();
                        }
                    }
                }
            } finally {
                slow.hang.set(false);
                as("web", "web-secret").delete(HUB + "/" + hub).then().statusCode(204);
            }
        }
    }

    @Test
    void aListenerLeasedByAnotherInstanceIsServedOnlyOnceTheLeaseRunsOut() throws Exception {
        try (TestListener web = new TestListener()) {
            String hub = register("web", "web-secret", web.callback(), null).getString("id");
            try {
                lease(hub, "deliverer-of-a-dead-instance", "1 hour");
                long id = EventsFixture.released();
                awaitPublished(id);
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // ten delivery rounds (interval 100 ms)
                assertThat(of(web, id)).as("delivered under another instance's lease").isEmpty();

                lease(hub, "deliverer-of-a-dead-instance", "-1 second"); // it ran out: nobody renewed it
                await("all six events arrive once the lease ran out", () -> of(web, id).size() >= 6);
                assertThat(of(web, id)).extracting(c -> json.readTree(c.body()).path("eventId").asText())
                        .containsExactlyElementsOf(EventsFixture.rows(db, id).stream().map(EventsFixture.Row::eventId)
                                .toList());
            } finally {
                as("web", "web-secret").delete(HUB + "/" + hub).then().statusCode(204);
            }
        }
    }

    private void lease(String listenerId, String owner, String forHowLong) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update event_listener"
                + " set lease_owner = ?, lease_until = clock_timestamp() + cast(? as interval) where id = ?::uuid")) {
            s.setString(1, owner);
            s.setString(2, forHowLong);
            s.setString(3, listenerId);
            assertThat(s.executeUpdate()).isOne();
        }
    }

    @Test
    void callbacksAndQueriesAreValidatedAndListenersRemovedByTheirOwnerOnly() throws Exception {
        as("web", "web-secret").contentType(ContentType.JSON)
                .body(Map.of("callback", "ftp://127.0.0.1/x", "query", "colour=blue&eventType=Nope"))
                .post(HUB).then().statusCode(400).contentType("application/json").body("@type", equalTo("Error"))
                .body("errors.field", hasItem("callback")).body("errors.field", hasItem("query"));
        as("web", "web-secret").contentType(ContentType.JSON).body(Map.of("callback", "http://user:pw@127.0.0.1/x"))
                .post(HUB).then().statusCode(400).body("errors.field", hasItem("callback"));
        as("web", "web-secret").contentType(ContentType.JSON).body(Map.of("query", "state=pending"))
                .post(HUB).then().statusCode(400).body("errors.field", hasItem("callback"));
        as("raul.reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of("callback", "http://127.0.0.1:9/x")).post(HUB).then().statusCode(403);

        try (TestListener web = new TestListener()) {
            String id = register("web", "web-secret", web.callback(), null).getString("id");
            as("app", "app-secret").delete(HUB + "/" + id).then().statusCode(404);
            as("web", "web-secret").delete(HUB + "/" + id).then().statusCode(204);
            as("web", "web-secret").delete(HUB + "/" + id).then().statusCode(404);
            long order = EventsFixture.released();
            awaitPublished(order);
            assertThat(web.accepted()).isEmpty();
        }
    }

    private static List<Map<String, Object>> deadLetters() {
        return as("olga.ops", "ops-secret").get("/api/events/dead-letters").then().statusCode(200).extract()
                .jsonPath().getList("");
    }

    private long unpublishedEvents() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long deliveriesTo(String listenerId, long orderId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from"
                + " listener_delivery d join outbox_event e on e.id = d.event_id where d.listener_id = ?::uuid"
                + " and e.order_id = ?")) {
            s.setString(1, listenerId);
            s.setLong(2, orderId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitPublished(long orderId) {
        await("the order's events are published", () -> {
            try {
                return EventsFixture.rows(db, orderId).stream().allMatch(r -> r.position() != null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
