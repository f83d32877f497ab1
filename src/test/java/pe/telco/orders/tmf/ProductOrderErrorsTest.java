package pe.telco.orders.tmf;

import pe.telco.orders.support.Shop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.swagger.v3.core.util.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel's mistakes are answered in TMF's Error shape with every bad attribute named as it was sent, and nothing
 * is stored; the published schema itself catches a body that breaks it.
 */
@QuarkusTest
class ProductOrderErrorsTest {

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @Test
    void everyBadAttributeIsListedEvenWhenTheChannelIsAlsoWrong() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        ((ObjectNode) body.at("/channel/0/channel")).put("id", "APP");
        ((ObjectNode) body.at("/productOrderItem/0")).put("quantity", 0);
        ((ObjectNode) body.at("/productOrderItem/1/productOffering")).put("id", "NOT-IN-CATALOGUE");
        ((ObjectNode) body.at("/productOrderItem/0/product/place/0/place")).put("postcode", "ABC");
        ((ObjectNode) body.at("/payment/0")).put("name", "CASH");

        Response refused = ProductOrderDecisionsTest.post("web", body, null);

        refused.then().statusCode(400).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("createProductOrder", refused);
        assertThat(error.path("@type").asText()).isEqualTo("Error");
        assertThat(error.path("code").asText()).isEqualTo("validation");
        assertThat(error.path("status").asText()).isEqualTo("400");
        assertThat(fields(error)).containsExactlyInAnyOrder("channel[0].channel.id", "productOrderItem[0].quantity",
                "productOrderItem[1].productOffering.id",
                "productOrderItem.product.place[installationAddress].place.postcode", "payment[0].name");
        assertThat(error.path("message").asText()).contains("these credentials belong to channel WEB");
        assertThat(count(body)).isZero();
    }

    @Test
    void theSameMistakesOnTheBackOfficeApiAreListedToo() {
        pe.telco.orders.support.Shop.open();
        var body = new java.util.HashMap<String, Object>(pe.telco.orders.support.Shop.fibreOrder("30000001", "ABCDE"));
        body.put("channel", "APP");
        body.put("paymentMethod", "CASH");

        given().auth().preemptive().basic("web", "web-secret").contentType(ContentType.JSON).body(body)
                .post("/api/orders").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("channel", "serviceAddress.postalCode",
                        "paymentMethod"));
    }

    @Test
    void itemsThatModifyOrDeleteAreRefusedUntilSupported() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        ((ObjectNode) body.at("/productOrderItem/0")).put("action", "modify");
        ((ObjectNode) body.at("/productOrderItem/1")).put("action", "delete");

        Response refused = ProductOrderDecisionsTest.post("web", body, null);

        refused.then().statusCode(422).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("createProductOrder", refused);
        assertThat(error.path("code").asText()).isEqualTo("unsupported-item-action");
        assertThat(fields(error)).containsExactly("productOrderItem[0].action", "productOrderItem[1].action");
        assertThat(count(body)).isZero();
    }

    @Test
    void repeatedItemIdsBadNotesAndBadDatesAreListedWithEveryOtherBadField() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        ((ObjectNode) body.at("/productOrderItem/1")).put("id", body.at("/productOrderItem/0/id").asText());
        ((ObjectNode) body.at("/productOrderItem/0")).put("quantity", 0);
        body.put("requestedStartDate", "2026-12-01");
        body.put("requestedCompletionDate", "2026-12-05T18:00:00");
        ArrayNode notes = body.putArray("note");
        notes.addObject().put("@type", "Note").put("text", "x".repeat(1001));
        notes.addObject().put("@type", "Note").put("date", "yesterday").put("text", "Llamar antes");
        notes.addObject().put("@type", "Note").put("author", "Ana");

        Response refused = ProductOrderDecisionsTest.post("web", body, null);

        refused.then().statusCode(400).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("createProductOrder", refused);
        assertThat(error.path("code").asText()).isEqualTo("validation");
        assertThat(fields(error)).containsExactlyInAnyOrder("productOrderItem[1].id", "productOrderItem[0].quantity",
                "requestedStartDate", "requestedCompletionDate", "note[0].text", "note[1].date", "note[2].text");
        assertThat(error.path("message").asText()).contains("repeats the id of item 0");
        assertThat(count(body)).isZero();
    }

    @Test
    void tooManyNotesAndACompletionBeforeTheStartAreRefused() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        body.put("requestedStartDate", "2026-12-05T09:00:00-05:00");
        body.put("requestedCompletionDate", "2026-12-01T09:00:00-05:00");
        ArrayNode notes = body.putArray("note");
        for (int i = 0; i <= 20; i++) {
            notes.addObject().put("@type", "Note").put("text", "Nota " + i);
        }
        Tmf622Contract.assertValidRequest("createProductOrder", body);

        Response refused = ProductOrderDecisionsTest.post("web", body, null);

        refused.then().statusCode(400);
        assertThat(fields(Tmf622Contract.assertValidResponse("createProductOrder", refused)))
                .containsExactlyInAnyOrder("note", "requestedCompletionDate");
        assertThat(count(body)).isZero();
    }

    @Test
    void aTwentiethNoteOfAThousandCharactersIsStillFine() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        ArrayNode notes = body.putArray("note");
        for (int i = 0; i < 20; i++) {
            notes.addObject().put("@type", "Note").put("text", "x".repeat(1000));
        }

        JsonNode order = ProductOrderDecisionsTest.place("web", body, 201);

        assertThat(order.path("note")).hasSize(20);
        assertThat(order.at("/note/19/text").asText()).hasSize(1000);
    }

    @Test
    void anInitialStateOtherThanAcknowledgedOrDraftIsRefused() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        body.put("requestedInitialState", "inProgress");

        Response refused = ProductOrderDecisionsTest.post("web", body, null);

        refused.then().statusCode(400);
        assertThat(fields(Tmf622Contract.assertValidResponse("createProductOrder", refused)))
                .containsExactly("requestedInitialState");
        assertThat(count(body)).isZero();
    }

    @Test
    void malformedJsonAndMissingCredentialsAreTmfErrorsToo() {
        Response malformed = given().auth().preemptive().basic("web", "web-secret").contentType(ContentType.JSON)
                .body("{\"externalId\": [").post(ProductOrderDecisionsTest.PRODUCT_ORDER);
        Response anonymous = given().auth().none().contentType(ContentType.JSON).body("{}")
                .post(ProductOrderDecisionsTest.PRODUCT_ORDER);
        Response backOffice = given().auth().preemptive().basic("aldo.auditor", "auditor-secret")
                .contentType(ContentType.JSON).body(TmfShop.example(TmfShop.RELEASED).toString())
                .post(ProductOrderDecisionsTest.PRODUCT_ORDER);

        malformed.then().statusCode(400);
        assertThat(Tmf622Contract.assertValidResponse("createProductOrder", malformed).path("code").asText())
                .isEqualTo("malformed-json");
        anonymous.then().statusCode(401);
        Tmf622Contract.assertValidResponse("createProductOrder", anonymous);
        backOffice.then().statusCode(403);
        Tmf622Contract.assertValidResponse("createProductOrder", backOffice);
    }

    @Test
    void thePublishedSchemaCatchesBodiesThatBreakIt() {
        ObjectNode order = TmfShop.example(TmfShop.RELEASED);
        ((ObjectNode) order.at("/productOrderItem/0/product/place/0/place")).put("@type", "Galaxy");
        ((ObjectNode) order.at("/productOrderItem/1")).remove("@type");
        order.put("requestedInitialState", "inProgress");
        ObjectNode error = Json.mapper().createObjectNode().put("@type", "Error").put("reason", "no code");

        assertThat(Tmf622Contract.errors("#/components/schemas/ProductOrder_FVO", order)).extracting(Object::toString)
                .anySatisfy(e -> assertThat(e).contains("/productOrderItem/0/product"))
                .anySatisfy(e -> assertThat(e).contains("/productOrderItem/1"))
                .anySatisfy(e -> assertThat(e).contains("/requestedInitialState"));
        assertThat(Tmf622Contract.errors("#/components/schemas/Error", error)).extracting(Object::toString)
                .anySatisfy(e -> assertThat(e).contains("code"));
        ArrayNode none = Json.mapper().createArrayNode();
        assertThat(Tmf622Contract.errors("#/components/schemas/ProductOrder_FVO", none)).isNotEmpty();
    }

    private static List<String> fields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static int count(ObjectNode body) {
        return given().get("/api/orders?externalId=" + body.at("/externalId/0/id").asText()).path("total");
    }
}
