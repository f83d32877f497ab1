package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel that ordered through TMF622 with ids of its own for the items reads those ids in the events about them
 * (the shipping order, the work order, the reasons of a rejection), as the TMF622 API answers them, never the line
 * numbers the service uses inside.
 */
@QuarkusTest
class ChannelItemIdsInEventsTest {

    private static final String PRODUCT_ORDER = "/tmf-api/productOrderingManagement/v5/productOrder";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void theShippingAndWorkOrderEventsNameTheItemsByTheChannelsIds() throws Exception {
        String start = feedEnd();
        long id = place(item("equipo-1", EventsFixture.PHONE, "deliveryAddress", EventsFixture.POSTAL),
                item("fibra-1", EventsFixture.FIBRE, "installationAddress", EventsFixture.POSTAL));

        List<JsonNode> events = eventsOf(id, start);

        assertThat(resources(events, "ShippingOrderCreateEvent", "shippingOrder"))
                .extracting(s -> s.path("productOrderItemId").asText(), s -> s.path("productCode").asText())
                .containsExactly(tuple("equipo-1", EventsFixture.PHONE));
        assertThat(resources(events, "WorkOrderCreateEvent", "workOrder"))
                .extracting(w -> w.path("productOrderItemId").asText(), w -> w.path("productCode").asText())
                .containsExactly(tuple("fibra-1", EventsFixture.FIBRE));
    }

    @Test
    void theReasonsOfARejectionNameTheItemByTheChannelsId() throws Exception {
        String start = feedEnd();
        // no fibre where this fibre is to be installed (HFC only): the order is rejected for that item
        long id = place(item("equipo-1", EventsFixture.PHONE, "deliveryAddress", EventsFixture.POSTAL),
                item("fibra-sin-cobertura", EventsFixture.FIBRE, "installationAddress", "15311"));

        List<JsonNode> refs = new ArrayList<>();
        for (JsonNode order : resources(eventsOf(id, start), "ProductOrderStateChangeEvent", "productOrder")) {
            order.path("productOrderErrorMessage").forEach(error -> error.path("productOrderItem").forEach(refs::add));
        }

        assertThat(refs).as("item references in the reasons").isNotEmpty();
        assertThat(refs).extracting(ref -> ref.path("productOrderItemId").asText())
                .containsOnly("fibra-sin-cobertura");
    }

    /** Places the order through TMF622 as the WEB channel (a customer in good standing); returns its id. */
    @SafeVarargs
    private static long place(Map<String, Object>... items) {
        Map<String, Object> body = Map.of(
                "@type", "ProductOrder",
                "externalId", List.of(Map.of("@type", "ExternalIdentifier", "id", "WEB-" + UUID.randomUUID(),
                        "owner", "WEB")),
                "channel", List.of(Map.of("@type", "RelatedChannel", "role", "salesChannel",
                        "channel", Map.of("@type", "ChannelRef", "id", "WEB"))),
                "category", "residential",
                "relatedParty", List.of(Map.of("@type", "RelatedPartyRefOrPartyRoleRef", "role", "customer",
                        "partyOrPartyRole", Map.of("@type", "PartyRef", "id", "DNI:" + EventsFixture.customer(780),
                                "name", "Cliente E", "@referredType", "Individual"))),
                "agreement", List.of(Map.of("@type", "AgreementRef", "id", given().get("/api/terms/current").then()
                        .statusCode(200).extract().path("version"))),
                "payment", List.of(Map.of("@type", "PaymentRef", "id", "pay-" + UUID.randomUUID(), "name", "ONLINE")),
                "productOrderItem", List.of(items));
        String id = given().auth().preemptive().basic("web", "web-secret").contentType(ContentType.JSON).body(body)
                .post(PRODUCT_ORDER).then().statusCode(201).extract().path("id");
        return Long.parseLong(id);
    }

    private static Map<String, Object> item(String id, String product, String role, String postcode) {
        return Map.of("@type", "ProductOrderItem", "id", id, "action", "add", "quantity", 1,
                "productOffering", Map.of("@type", "ProductOfferingRef", "id", product),
                "product", Map.of("@type", "Product", "place", List.of(Map.of("@type", "RelatedPlaceRefOrValue",
                        "role", role, "place", Map.of("@type", "GeographicAddress", "streetName", "Av. Pardo",
                                "streetNr", "100", "city", "Lima", "postcode", postcode)))));
    }

    /** The order's events as its channel reads them from the pull feed, once all of them are published. */
    private List<JsonNode> eventsOf(long orderId, String after) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (EventsFixture.rows(db, orderId).stream().anyMatch(r -> r.position() == null)) {
            assertThat(System.nanoTime()).as("the order's events are published").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between looks at the outbox
        }
        List<JsonNode> mine = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = given().auth().preemptive().basic("web", "web-secret").queryParam("after", cursor)
                    .queryParam("size", 200).get("/api/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return mine;
            }
            for (Map<String, Object> item : items) {
                if (((Number) item.get("orderId")).longValue() == orderId) {
                    mine.add(JSON.valueToTree(item));
                }
            }
            cursor = page.getString("next");
        }
    }

    /** The resources ({@code event.<name>}) of the events of this type. */
    private static List<JsonNode> resources(List<JsonNode> events, String type, String name) {
        return events.stream().filter(e -> e.path("eventType").asText().equals(type))
                .map(e -> e.path("event").path("event").path(name)).toList();
    }

    /** The feed's current end (as the operations user, who sees every order). */
    private static String feedEnd() {
        String cursor = null;
        while (true) {
            JsonPath page = given().auth().preemptive().basic("olga.ops", "ops-secret").queryParam("size", 200)
                    .queryParam("after", cursor).get("/api/events").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getString("next");
        }
    }
}
