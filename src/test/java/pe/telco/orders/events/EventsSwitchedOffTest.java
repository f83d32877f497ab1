package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code orders.events.enabled=false} an order goes its whole way without writing a single outbox row, and the
 * feed and the hub say plainly that events are off instead of pretending to have none.
 */
@QuarkusTest
@TestProfile(EventsSwitchedOffTest.Off.class)
class EventsSwitchedOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orders.events.enabled", "false");
        }
    }

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void aReleasedFulfilledAndPaidOrderWritesNoEvent() throws Exception {
        long order = EventsFixture.released();
        EventsFixture.fulfilAndPay(order);

        given().get("/api/orders/" + order).then().statusCode(200).body("state", equalTo("completed"));
        assertThat(EventsFixture.rows(db, order)).as("outbox rows of order %d", order).isEmpty();
    }

    @Test
    void theFeedAndTheHubSayEventsAreOff() {
        given().auth().preemptive().basic("olga.ops", "ops-secret").get("/api/events").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Events are switched off on this service (orders.events.enabled=false)"));
        given().auth().preemptive().basic("web", "web-secret").contentType(ContentType.JSON)
                .body("{\"callback\":\"http://127.0.0.1:9/listener\"}")
                .post("/tmf-api/productOrderingManagement/v5/hub").then().statusCode(404)
                .body("@type", equalTo("Error")).body("status", equalTo("404"))
                .body("message", equalTo("Events are switched off on this service (orders.events.enabled=false)"));
    }
}
