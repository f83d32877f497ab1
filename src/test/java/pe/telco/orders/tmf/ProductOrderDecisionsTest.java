package pe.telco.orders.tmf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel places the README's three orders through TMF622 and gets each decision in the one call that stored it,
 * in the shape the TM Forum published; a retry never creates a second order.
 */
@QuarkusTest
class ProductOrderDecisionsTest {

    static final String PRODUCT_ORDER = "/tmf-api/productOrderingManagement/v5/productOrder";

    @Inject
    DataSource database;

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @Test
    void aFibreAndTvOrderIsReleasedInOneCall() {
        JsonNode order = place("web", TmfShop.example(TmfShop.RELEASED), 201);

        assertThat(order.path("state").asText()).isEqualTo("inProgress");
        assertThat(order.path("productOrderErrorMessage").isMissingNode()).isTrue();
        assertThat(milestones(order)).containsExactly("received", "evaluated", "released");
        assertThat(order.at("/productOrderItem/0/productOffering/id").asText()).isEqualTo("FIBER-300");
        assertThat(order.at("/productOrderItem/0/itemPrice/0/price/taxIncludedAmount/value").decimalValue())
                .isEqualByComparingTo("109.00");
        assertThat(order.at("/productOrderItem/0/itemPrice/0/priceType").asText()).isEqualTo("recurring");
        assertThat(order.at("/orderTotalPrice/0/price/taxIncludedAmount/value").decimalValue())
                .isEqualByComparingTo("174.00");
        assertThat(order.at("/productOrderItem/0/product/place/0/place/postcode").asText()).isEqualTo("15046");
        assertThat(order.path("expectedCompletionDate").asText()).isNotEmpty();
    }

    @Test
    void aBorderlineCustomerFinancingAPhoneIsHeldWithTheChannelsReason() {
        JsonNode order = place("app", TmfShop.example(TmfShop.HELD), 201);

        assertThat(order.path("state").asText()).isEqualTo("pending");
        assertThat(order.path("productOrderErrorMessage")).anySatisfy(reason -> {
            assertThat(reason.path("code").asText()).isEqualTo("BORDERLINE_CREDIT");
            assertThat(reason.path("reason").asText()).isEqualTo("CREDIT");
            assertThat(reason.path("message").asText())
                    .isEqualTo("El financiamiento requiere una evaluación adicional; le informaremos el resultado");
            // credit is decided for the order as a whole, not for one item
            assertThat(reason.has("productOrderItem")).isFalse();
        });
        assertThat(order.at("/productOrderItem/0/itemTerm/0/duration/amount").asInt()).isEqualTo(12);
        assertThat(order.at("/productOrderItem/0/product/place/0/place/id").asText()).isEqualTo("ST-JOCKEY");
        assertThat(milestones(order)).containsExactly("received", "evaluated");
    }

    @Test
    void fibreWhereThereIsNoneIsRejectedNamingTheItem() {
        JsonNode order = place("callcenter", TmfShop.example(TmfShop.REJECTED), 201);

        assertThat(order.path("state").asText()).isEqualTo("rejected");
        assertThat(order.path("productOrderErrorMessage")).singleElement().satisfies(reason -> {
            assertThat(reason.path("code").asText()).isEqualTo("NO_FIBRE_AT_ADDRESS");
            assertThat(reason.path("message").asText())
                    .isEqualTo("No hay cobertura de fibra en la dirección de instalación (15311)");
            assertThat(reason.path("status").asText()).isEqualTo("FAIL");
            assertThat(reason.at("/productOrderItem/0/productOrderItemId").asText()).isEqualTo("1");
        });
    }

    @Test
    void receivingAndDecidingIsOneTransaction() throws SQLException {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        String key = UUID.randomUUID().toString();
        Response answer = post("web", body, key);
        answer.then().statusCode(201);
        long id = Long.parseLong(answer.path("id"));

        // every row a transaction writes carries its id in xmin: one id over all of them is one commit
        List<String> writers = new ArrayList<>();
        writers.addAll(xmins("select xmin::text from orders where id = ?", id));
        writers.addAll(xmins("select xmin::text from order_item where order_id = ?", id));
        writers.addAll(xmins("select xmin::text from order_event where order_id = ?", id));
        writers.addAll(xmins("select xmin::text from evaluation where order_id = ?", id));
        writers.addAll(xmins("select f.xmin::text from rule_firing f join evaluation e on e.id = f.evaluation_id"
                + " where e.order_id = ?", id));
        writers.addAll(xmins("select xmin::text from work_order where order_id = ?", id));
        writers.addAll(xmins("select xmin::text from idempotency_key where location = ?",
                PRODUCT_ORDER + "/" + id));

        assertThat(writers).hasSizeGreaterThan(8);
        assertThat(writers).as("transactions that wrote the order and its decision").containsOnly(writers.get(0));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameOrder() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        String key = UUID.randomUUID().toString();

        Response first = post("web", body, key);
        Response retry = post("web", body, key);

        first.then().statusCode(201);
        retry.then().statusCode(201);
        Tmf622Contract.assertValidResponse("createProductOrder", retry);
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).endsWith(PRODUCT_ORDER + "/" + first.path("id"));
        assertThat(count(body)).isEqualTo(1);
    }

    @Test
    void aSecondOrderWithTheSameExternalIdIsRefusedNamingTheFirst() {
        ObjectNode body = TmfShop.example(TmfShop.REJECTED);
        Response first = post("callcenter", body, null);

        Response again = post("callcenter", body, null);

        again.then().statusCode(409).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("createProductOrder", again);
        assertThat(error.path("@type").asText()).isEqualTo("Error");
        assertThat(error.path("status").asText()).isEqualTo("409");
        assertThat(again.header("Location")).endsWith(PRODUCT_ORDER + "/" + first.path("id"));
        assertThat(count(body)).isEqualTo(1);
    }

    @Test
    void theChannelsItemIdsNotesAndWishedDatesComeBackAsSent() {
        ObjectNode body = TmfShop.example(TmfShop.REJECTED);
        ((ObjectNode) body.at("/productOrderItem/0")).put("id", "CC-LINEA-A");
        body.put("requestedStartDate", "2026-12-01T09:00:00-05:00");
        body.put("requestedCompletionDate", "2026-12-05T18:00:00Z");
        ArrayNode notes = body.putArray("note");
        notes.addObject().put("@type", "Note").put("author", "Ana (call center)")
                .put("date", "2026-11-30T10:15:00-05:00").put("text", "Llamar antes de las 6 pm");
        notes.addObject().put("@type", "Note").put("text", "Prefiere fibra 600");

        JsonNode placed = place("callcenter", body, 201);
        Response read = given().auth().preemptive().basic("callcenter", "callcenter-secret")
                .get(PRODUCT_ORDER + "/" + placed.path("id").asText());
        read.then().statusCode(200);
        JsonNode again = Tmf622Contract.assertValidResponse("retrieveProductOrder", read);

        for (JsonNode order : List.of(placed, again)) {
            assertThat(order.at("/productOrderItem/0/id").asText()).isEqualTo("CC-LINEA-A");
            assertThat(order.at("/productOrderErrorMessage/0/productOrderItem/0/productOrderItemId").asText())
                    .isEqualTo("CC-LINEA-A");
            assertThat(instant(order.path("requestedStartDate"))).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
            assertThat(instant(order.path("requestedCompletionDate"))).isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));
            assertThat(order.path("note")).hasSize(2);
            assertThat(order.at("/note/0/author").asText()).isEqualTo("Ana (call center)");
            assertThat(instant(order.at("/note/0/date"))).isEqualTo(Instant.parse("2026-11-30T15:15:00Z"));
            assertThat(order.at("/note/0/text").asText()).isEqualTo("Llamar antes de las 6 pm");
            assertThat(order.at("/note/1/text").asText()).isEqualTo("Prefiere fibra 600");
            // a note sent without a date is dated when the order was received
            assertThat(instant(order.at("/note/1/date"))).isEqualTo(instant(order.path("orderDate")));
        }
    }

    @Test
    void aDraftAndAnOrderToDecideAreDifferentRequestsUnderOneIdempotencyKey() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        ObjectNode draft = body.deepCopy().put("requestedInitialState", "draft");
        String key = UUID.randomUUID().toString();

        Response first = post("web", draft, key);
        Response decided = post("web", body, key);
        Response explicitlyDecided = post("web", body.deepCopy().put("requestedInitialState", "acknowledged"), key);
        Response sameDraft = post("web", draft, key);

        first.then().statusCode(201);
        decided.then().statusCode(422);
        JsonNode error = Tmf622Contract.assertValidResponse("createProductOrder", decided);
        assertThat(error.path("code").asText()).isEqualTo("idempotency-key-reused");
        explicitlyDecided.then().statusCode(422);
        sameDraft.then().statusCode(201);
        assertThat(sameDraft.<String>path("state")).isEqualTo("draft");
        assertThat(sameDraft.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(count(body)).isEqualTo(1);

        // the other way round: decided first, then the same body as a draft under the same key
        ObjectNode other = TmfShop.example(TmfShop.RELEASED);
        String otherKey = UUID.randomUUID().toString();
        post("web", other, otherKey).then().statusCode(201);
        Response asDraft = post("web", other.deepCopy().put("requestedInitialState", "draft"), otherKey);
        asDraft.then().statusCode(422);
        assertThat(Tmf622Contract.assertValidResponse("createProductOrder", asDraft).path("code").asText())
                .isEqualTo("idempotency-key-reused");
        assertThat(count(other)).isEqualTo(1);
    }

    @Test
    void anotherNoteUnderTheSameIdempotencyKeyIsAnotherRequest() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        String key = UUID.randomUUID().toString();
        ObjectNode noted = body.deepCopy();
        noted.putArray("note").addObject().put("@type", "Note").put("text", "Instalar por la tarde");

        post("web", body, key).then().statusCode(201);
        Response refused = post("web", noted, key);

        refused.then().statusCode(422);
        assertThat(Tmf622Contract.assertValidResponse("createProductOrder", refused).path("code").asText())
                .isEqualTo("idempotency-key-reused");
        assertThat(count(body)).isEqualTo(1);
    }

    static JsonNode place(String channel, ObjectNode body, int status) {
        Tmf622Contract.assertValidRequest("createProductOrder", body);
        Response response = post(channel, body, null);
        response.then().statusCode(status);
        JsonNode order = Tmf622Contract.assertValidResponse("createProductOrder", response);
        if (status == 201) {
            assertThat(response.header("Location")).endsWith(PRODUCT_ORDER + "/" + order.path("id").asText());
        }
        return order;
    }

    static Response post(String channel, ObjectNode body, String idempotencyKey) {
        var request = given().auth().preemptive().basic(channel, channel + "-secret").contentType(ContentType.JSON)
                .body(body.toString());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(PRODUCT_ORDER);
    }

    private static List<String> milestones(JsonNode order) {
        List<String> names = new ArrayList<>();
        order.path("productOrderMilestone").forEach(m -> names.add(m.path("name").asText()));
        return names;
    }

    private static Instant instant(JsonNode time) {
        return OffsetDateTime.parse(time.asText()).toInstant();
    }

    private static int count(ObjectNode body) {
        return given().get("/api/orders?externalId=" + body.at("/externalId/0/id").asText()).path("total");
    }

    private List<String> xmins(String query, Object parameter) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
