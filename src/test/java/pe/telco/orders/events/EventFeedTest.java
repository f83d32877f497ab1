package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Systems that pull page through published events in commit order; a channel sees its own orders' events only. */
@QuarkusTest
class EventFeedTest {

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    /** Every event of the feed after {@code after}, page by page, until the order's events are all there. */
    private static List<Map<String, Object>> readUntil(String after, long orderId, int expected, String user,
            String password) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = after;
        while (all.stream().filter(e -> ((Number) e.get("orderId")).longValue() == orderId).count() < expected) {
            assertThat(System.nanoTime()).as("the order's events reach the feed").isLessThan(deadline);
            JsonPath page = as(user, password).queryParam("after", cursor).queryParam("size", 3).get("/api/events")
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            if (page.getList("items").isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between polls of the feed
            }
            cursor = page.getString("next");
        }
        return all;
    }

    private static String head() {
        // the feed's current end: page to it from the start
        String cursor = null;
        while (true) {
            JsonPath page = given().queryParam("size", 200).queryParam("after", cursor).get("/api/events").then()
                    .statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getString("next");
        }
    }

    @Test
    void anOrdersEventsArriveInSequencePageByPage() {
        String start = head();
        long id = EventsFixture.released();

        List<Map<String, Object>> mine = readUntil(start, id, 6, "aldo.auditor", "auditor-secret").stream()
                .filter(e -> ((Number) e.get("orderId")).longValue() == id).toList();
        assertThat(mine).extracting(e -> e.get("sequence")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(mine).extracting(e -> e.get("eventType")).containsExactly("ProductOrderCreateEvent",
                "ProductOrderStateChangeEvent", "ProductOrderMilestoneEvent", "ShippingOrderCreateEvent",
                "ProductOrderMilestoneEvent", "WorkOrderCreateEvent");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) mine.get(1).get("event");
        assertThat(body.get("eventId")).isEqualTo(mine.get(1).get("eventId"));
        assertThat(body).containsEntry("eventType", "ProductOrderStateChangeEvent");
    }

    @Test
    void typeFiltersAndOperationsReadsToo() {
        String start = head();
        long id = EventsFixture.released();
        readUntil(start, id, 6, "olga.ops", "ops-secret");

        JsonPath page = as("olga.ops", "ops-secret").queryParam("after", start)
                .queryParam("type", "ShippingOrderCreateEvent,WorkOrderCreateEvent").queryParam("size", 200)
                .get("/api/events").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.eventType", String.class))
                .containsOnly("ShippingOrderCreateEvent", "WorkOrderCreateEvent");
        assertThat(page.getList("items.orderId", Long.class)).contains(id);
    }

    @Test
    void aChannelSeesOnlyItsOwnOrdersEvents() {
        String start = head();
        long web = EventsFixture.released(); // channel WEB
        List<Map<String, Object>> seen = readUntil(start, web, 6, "web", "web-secret");
        assertThat(seen).allSatisfy(e -> assertThat(given().get("/api/orders/" + e.get("orderId")).then()
                .extract().path("channel").toString()).isEqualTo("WEB"));

        String webEvent = (String) seen.get(seen.size() - 1).get("eventId");
        JsonPath app = as("app", "app-secret").queryParam("size", 200).get("/api/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(app.getList("items.orderId", Long.class)).doesNotContain(web);
        // another channel's event is not even a valid cursor for it
        as("app", "app-secret").queryParam("after", webEvent).get("/api/events").then().statusCode(404);
    }

    @Test
    void badParametersAreListedAndOtherRolesRefused() {
        given().queryParam("after", "not-a-uuid").queryParam("type", "OrderShipped").queryParam("size", 0)
                .get("/api/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("after")).body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("size"));
        given().queryParam("after", UUID.randomUUID().toString()).get("/api/events").then().statusCode(404)
                .contentType("application/problem+json");
        as("raul.reviewer", "reviewer-secret").get("/api/events").then().statusCode(403);
        as("ana.analyst", "analyst-secret").get("/api/events").then().statusCode(403);
        given().auth().none().get("/api/events").then().statusCode(401).body("status", equalTo(401));
    }
}
