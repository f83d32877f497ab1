package pe.telco.orders.tmf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.swagger.v3.core.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A channel cancels its own order until the installation starts; later, the cancel task ends with the reason. */
@QuarkusTest
class CancelProductOrderTest {

    static final String CANCEL = "/tmf-api/productOrderingManagement/v5/cancelProductOrder";

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @Test
    void aReleasedOrderIsCancelledBeforeItsInstallationStarts() {
        String id = ProductOrderDecisionsTest.place("web", TmfShop.example(TmfShop.RELEASED), 201).path("id").asText();

        Response cancelled = cancel("web", id, "El cliente se mudó");

        cancelled.then().statusCode(201);
        JsonNode task = Tmf622Contract.assertValidResponse("createCancelProductOrder", cancelled);
        assertThat(task.path("state").asText()).isEqualTo("done");
        assertThat(task.path("effectiveCancellationDate").asText()).isNotEmpty();
        assertThat(cancelled.header("Location")).endsWith(CANCEL + "/" + task.path("id").asText());
        Response order = as("web").get(ProductOrderDecisionsTest.PRODUCT_ORDER + "/" + id);
        JsonNode read = Tmf622Contract.assertValidResponse("retrieveProductOrder", order);
        assertThat(read.path("state").asText()).isEqualTo("cancelled");
        assertThat(read.path("cancellationDate").asText()).isNotEmpty();
        assertThat(read.at("/productOrderItem/0/state").asText()).isEqualTo("cancelled");
        Response again = as("web").get(CANCEL + "/" + task.path("id").asText());
        assertThat(Tmf622Contract.assertValidResponse("retrieveCancelProductOrder", again).path("state").asText())
                .isEqualTo("done");
    }

    @Test
    void onceTheInstallationStartedTheCancelTaskEndsWithTheReasonAndTheOrderGoesOn() {
        String id = ProductOrderDecisionsTest.place("web", TmfShop.example(TmfShop.RELEASED), 201).path("id").asText();
        long workOrder = ((Number) given().get("/api/orders/" + id + "/work-orders").path("[0].id")).longValue();
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/work-orders/" + workOrder + "/start")
                .then().statusCode(200);

        Response refused = cancel("web", id, "Ya no lo quiere");

        refused.then().statusCode(201);
        JsonNode task = Tmf622Contract.assertValidResponse("createCancelProductOrder", refused);
        assertThat(task.path("state").asText()).isEqualTo("terminatedWithError");
        assertThat(task.at("/errorMessage/0/message").asText()).contains("can no longer be cancelled");
        assertThat(as("web").get(ProductOrderDecisionsTest.PRODUCT_ORDER + "/" + id).<String>path("state"))
                .isEqualTo("inProgress");
    }

    @Test
    void anotherChannelsOrderCannotBeCancelledNorItsTaskRead() {
        String id = ProductOrderDecisionsTest.place("web", TmfShop.example(TmfShop.RELEASED), 201).path("id").asText();

        Response refused = cancel("app", id, "No es mío");
        String task = cancel("web", id, "El cliente se arrepintió").path("id");

        refused.then().statusCode(404);
        Tmf622Contract.assertValidResponse("createCancelProductOrder", refused);
        as("app").get(CANCEL + "/" + task).then().statusCode(404);
        assertThat(as("app").get(ProductOrderDecisionsTest.PRODUCT_ORDER + "/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelRequestWithoutOrderOrReasonListsBoth() {
        ObjectNode body = Json.mapper().createObjectNode().put("@type", "CancelProductOrder");
        body.putObject("productOrder").put("@type", "ProductOrderRef").put("id", "x");

        Response refused = as("web").contentType(ContentType.JSON).body(body.toString()).post(CANCEL);

        refused.then().statusCode(400);
        JsonNode error = Tmf622Contract.assertValidResponse("createCancelProductOrder", refused);
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("productOrder.id", "cancellationReason");
    }

    private static Response cancel(String channel, String orderId, String reason) {
        ObjectNode body = Json.mapper().createObjectNode().put("@type", "CancelProductOrder")
                .put("cancellationReason", reason);
        body.putObject("productOrder").put("@type", "ProductOrderRef").put("id", orderId);
        Tmf622Contract.assertValidRequest("createCancelProductOrder", body);
        return as(channel).contentType(ContentType.JSON).body(body.toString()).post(CANCEL);
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-secret");
    }
}
