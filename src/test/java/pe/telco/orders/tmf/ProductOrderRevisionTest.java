package pe.telco.orders.tmf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.tmf.ProductOrderDecisionsTest.PRODUCT_ORDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.swagger.v3.core.util.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel keeps an order as a draft and submits it later, or changes a held order (merge patch) and gets it
 * decided again, in one call; other orders cannot be changed.
 */
@QuarkusTest
class ProductOrderRevisionTest {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @Test
    void aDraftIsStoredUndecidedAndDecidedWhenSubmitted() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        body.put("requestedInitialState", "draft");

        JsonNode draft = ProductOrderDecisionsTest.place("web", body, 201);
        String id = draft.path("id").asText();

        assertThat(draft.path("state").asText()).isEqualTo("draft");
        assertThat(draft.has("productOrderErrorMessage")).isFalse();
        given().get("/api/orders/" + id + "/evaluation").then().statusCode(404);
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(409);

        JsonNode submitted = patch("web", id, Json.mapper().createObjectNode().put("@type", "ProductOrder")
                .put("state", "acknowledged"), 200);

        assertThat(submitted.path("state").asText()).isEqualTo("inProgress");
        assertThat(given().get("/api/orders/" + id + "/evaluation").<String>path("decision")).isEqualTo("RELEASED");
    }

    @Test
    void aHeldOrderPaidInFullInsteadIsDecidedAgain() {
        JsonNode held = ProductOrderDecisionsTest.place("app", TmfShop.example(TmfShop.HELD), 201);
        String id = held.path("id").asText();
        ObjectNode change = Json.mapper().createObjectNode().put("@type", "ProductOrder");
        ObjectNode item = change.putArray("productOrderItem").addObject().put("@type", "ProductOrderItem")
                .put("id", "1").put("action", "add").put("quantity", 1);
        item.putObject("productOffering").put("@type", "ProductOfferingRef").put("id", "PHONE-A15-128");
        item.set("product", held.at("/productOrderItem/0/product"));

        JsonNode decided = patch("app", id, change, 200);

        assertThat(decided.path("state").asText()).isEqualTo("inProgress");
        assertThat(decided.has("productOrderErrorMessage")).isFalse();
        assertThat(decided.at("/productOrderItem/0/itemTerm").isMissingNode()).isTrue();
        assertThat(decided.path("relatedParty").toString()).isEqualTo(held.path("relatedParty").toString());
        List<String> history = given().get("/api/orders/" + id + "/history").jsonPath().getList("milestone");
        assertThat(history).containsSubsequence("received", "evaluated", "revised", "resubmitted", "evaluated");
    }

    @Test
    void aChangeKeepsTheChannelsItemIdsAndMayAddNotesAndDates() {
        ObjectNode body = TmfShop.example(TmfShop.RELEASED);
        body.put("requestedInitialState", "draft");
        ((ObjectNode) body.at("/productOrderItem/0")).put("id", "FIBRA");
        ((ObjectNode) body.at("/productOrderItem/1")).put("id", "TV");
        body.putArray("note").addObject().put("@type", "Note").put("author", "Web").put("text", "Primera nota");
        JsonNode draft = ProductOrderDecisionsTest.place("web", body, 201);
        String id = draft.path("id").asText();
        ObjectNode change = Json.mapper().createObjectNode().put("@type", "ProductOrder")
                .put("requestedStartDate", "2026-12-10T08:00:00-05:00");
        ArrayNode notes = change.putArray("note");
        notes.add(draft.at("/note/0"));
        notes.addObject().put("@type", "Note").put("author", "Vendedor").put("text", "Cliente confirmó la dirección");

        JsonNode changed = patch("web", id, change, 200);

        assertThat(changed.path("state").asText()).isEqualTo("draft");
        assertThat(changed.at("/productOrderItem/0/id").asText()).isEqualTo("FIBRA");
        assertThat(changed.at("/productOrderItem/1/id").asText()).isEqualTo("TV");
        assertThat(changed.path("note")).hasSize(2);
        assertThat(changed.at("/note/0/text").asText()).isEqualTo("Primera nota");
        assertThat(changed.at("/note/0/date").asText()).isEqualTo(draft.at("/note/0/date").asText());
        assertThat(changed.at("/note/1/author").asText()).isEqualTo("Vendedor");
        assertThat(OffsetDateTime.parse(changed.path("requestedStartDate").asText()).toInstant())
                .isEqualTo(Instant.parse("2026-12-10T13:00:00Z"));

        JsonNode submitted = patch("web", id, Json.mapper().createObjectNode().put("@type", "ProductOrder")
                .put("state", "acknowledged"), 200);

        assertThat(submitted.path("state").asText()).isEqualTo("inProgress");
        assertThat(submitted.at("/productOrderItem/1/id").asText()).isEqualTo("TV");
        assertThat(submitted.path("note")).hasSize(2);
    }

    @Test
    void onlyDraftOrHeldOrdersChangeAndNeverTheirIdentity() {
        String rejected = ProductOrderDecisionsTest.place("callcenter", TmfShop.example(TmfShop.REJECTED), 201)
                .path("id").asText();
        ObjectNode draftBody = TmfShop.example(TmfShop.RELEASED);
        draftBody.put("requestedInitialState", "draft");
        String draft = ProductOrderDecisionsTest.place("web", draftBody, 201).path("id").asText();

        Response tooLate = send("callcenter", rejected, Json.mapper().createObjectNode().put("@type", "ProductOrder")
                .put("category", "business"));
        ObjectNode identity = Json.mapper().createObjectNode().put("@type", "ProductOrder").put("state", "completed");
        identity.putArray("externalId").addObject().put("@type", "ExternalIdentifier").put("id", "OTHER-1");
        Response refused = send("web", draft, identity);
        Response otherChannel = send("app", draft, Json.mapper().createObjectNode().put("@type", "ProductOrder"));

        tooLate.then().statusCode(409);
        assertThat(Tmf622Contract.assertValidResponse("patchProductOrder", tooLate).path("message").asText())
                .contains("rejected");
        refused.then().statusCode(400);
        JsonNode error = Tmf622Contract.assertValidResponse("patchProductOrder", refused);
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("externalId", "state");
        otherChannel.then().statusCode(404);
        Tmf622Contract.assertValidResponse("patchProductOrder", otherChannel);
        assertThat(given().auth().preemptive().basic("web", "web-secret").get(PRODUCT_ORDER + "/" + draft)
                .<String>path("state")).isEqualTo("draft");
    }

    private static JsonNode patch(String channel, String id, ObjectNode change, int status) {
        Tmf622Contract.assertValidRequest("patchProductOrder", change);
        Response response = send(channel, id, change);
        response.then().statusCode(status);
        return Tmf622Contract.assertValidResponse("patchProductOrder", response);
    }

    private static Response send(String channel, String id, ObjectNode change) {
        return given().auth().preemptive().basic(channel, channel + "-secret").contentType(MERGE_PATCH)
                .body(change.toString()).patch(PRODUCT_ORDER + "/" + id);
    }
}
