package pe.telco.orders.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/** Two people acting on the same order at the same moment: one wins, the other gets 409, nothing is lost. */
@QuarkusTest
class ConcurrentTransitionsTest {

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void anApprovalAndADeclineRacingOnAHeldOrderLeaveExactlyOneDecision() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = Shop.heldOrder();

            List<Integer> statuses = Race.together(
                    () -> decide(id, true),
                    () -> decide(id, false));

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String state = given().get("/api/orders/" + id).then().extract().path("state");
            assertThat(state).isIn("inProgress", "rejected");
            assertThat(given().get("/api/orders/" + id + "/history").then().extract().<List<String>>path("milestone")
                    .stream().filter(m -> m.equals("approved") || m.equals("declined")).count()).isEqualTo(1);
        }
    }

    @Test
    void twoEvaluationsRacingOnOneOrderStoreExactlyOneEvaluation() throws Exception {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));

        List<Integer> statuses = Race.together(
                () -> given().post("/api/orders/" + id + "/evaluation").then().extract().statusCode(),
                () -> given().post("/api/orders/" + id + "/evaluation").then().extract().statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(given().get("/api/orders/" + id + "/history").then().extract().<List<String>>path("milestone")
                .stream().filter("evaluated"::equals).count()).isEqualTo(1);
    }

    /** Found by the benchmark: the first orders of a customer nobody knew, arriving together, all got 500 but one. */
    @Test
    void ordersRacingForACustomerNobodyKnewAreAllReceivedForOneCustomer() throws Exception {
        String document = String.valueOf(70_000_000 + (int) (System.nanoTime() % 9_999_999));

        List<Integer> statuses = Race.times(4, () -> given().contentType(ContentType.JSON)
                .body(Shop.fibreOrder(document, "15046")).post("/api/orders").then().extract().statusCode());

        assertThat(statuses).containsOnly(201);
        List<String> documents = given().queryParam("customerDocument", document).get("/api/orders").then()
                .statusCode(200).extract().path("items.customer.documentNumber");
        assertThat(documents).containsExactly(document, document, document, document);
        given().get("/api/customers/DNI/" + document).then().statusCode(200); // one customer: the document is unique
    }

    private static int decide(long id, boolean approved) {
        return given().auth().preemptive().basic("raul.reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of("approved", approved, "comment", approved ? "ok" : "no")).post("/api/orders/" + id + "/approval")
                .then().extract().statusCode();
    }
}
