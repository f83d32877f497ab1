package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static pe.telco.orders.fulfilment.Fulfil.PHONE;
import static pe.telco.orders.fulfilment.Fulfil.WAREHOUSE;
import static pe.telco.orders.fulfilment.Fulfil.decided;
import static pe.telco.orders.fulfilment.Fulfil.goodPayer;
import static pe.telco.orders.fulfilment.Fulfil.home;
import static pe.telco.orders.fulfilment.Fulfil.order;
import static pe.telco.orders.fulfilment.Fulfil.shipment;
import static pe.telco.orders.fulfilment.Fulfil.state;
import static pe.telco.orders.fulfilment.Fulfil.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/** Review by a person, cancellation, satisfaction, payments, and the race for the last unit. */
@QuarkusTest
class ReviewCancellationAndPaymentScenariosTest {

    private static final int BORDERLINE_SCORE = 560;

    @BeforeEach
    void open() {
        Fulfil.open();
    }

    private static Response approval(long id, boolean approved, String comment) {
        return given().contentType(ContentType.JSON).auth().preemptive().basic("raul.reviewer", "reviewer-secret")
                .body(Map.of("approved", approved, "comment", comment)).post("/api/orders/" + id + "/approval");
    }

    @Test
    void heldOrderIsApprovedAndReleasedWithItsStock() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(Fulfil.customer(BORDERLINE_SCORE), home(), PHONE, 1, 12), "HELD");
        assertThat(state(id)).isEqualTo("pending");
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before);
        assertThat(Fulfil.shipments(id).getList("")).isEmpty();

        JsonPath queue = given().get("/api/approvals?size=200").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = queue.getMap("items.find { it.orderId == " + id + " }");
        assertThat(mine).isNotNull();
        assertThat(queue.getList("items.find { it.orderId == " + id + " }.reasons.code")).contains("BORDERLINE_CREDIT");
        List<String> created = queue.getList("items.createdAt");
        assertThat(created).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(a)
                .compareTo(java.time.OffsetDateTime.parse(b)));

        approval(id, true, "Ingresos verificados").then().statusCode(200).body("state", equalTo("inProgress"))
                .body("decidedBy", equalTo("raul.reviewer")).body("approved", equalTo(true));
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before[0], before[1] + 1, before[2] - 1);
        assertThat(Fulfil.shipments(id).getString("[0].state")).isEqualTo("PREPARED");
        approval(id, true, "otra vez").then().statusCode(409).body("currentState", equalTo("inProgress"));
        given().get("/api/orders/" + id + "/history").then()
                .body("find { it.milestone == 'approved' }.actor", equalTo("raul.reviewer"))
                .body("find { it.milestone == 'approved' }.cause", containsString("Ingresos verificados"));
        given().get("/api/approvals?size=200").then().body("items.orderId", org.hamcrest.Matchers.not(hasItem((int) id)));
    }

    @Test
    void heldOrderIsDeclinedAndRejected() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(Fulfil.customer(BORDERLINE_SCORE), home(), PHONE, 1, 12), "HELD");
        approval(id, false, "Ingresos no sustentados").then().statusCode(200).body("state", equalTo("rejected"));
        assertThat(state(id)).isEqualTo("rejected");
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before);
        assertThat(Fulfil.shipments(id).getList("")).isEmpty();
        given().contentType(ContentType.JSON).body("{}").post("/api/orders/" + id + "/approval").then()
                .statusCode(400).body("errors.field", hasItem("approved"));
    }

    @Test
    void cancellationBeforeDispatchGivesTheStockBack() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(goodPayer(), home(), PHONE, 2, 0, Fulfil.FIBRE, 1, 0), "RELEASED");
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before[0], before[1] + 2, before[2] - 2);

        given().contentType(ContentType.JSON).body(Map.of("reason", "El cliente desiste"))
                .post("/api/orders/" + id + "/cancellation").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("items.state", hasItems("cancelled"));
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before);
        assertThat(Fulfil.shipments(id).getString("[0].state")).isEqualTo("CANCELLED");
        assertThat(Fulfil.workOrders(id).getString("[0].state")).isEqualTo("CANCELLED");
        shipment(Fulfil.shipmentId(id), "dispatch").then().statusCode(409).body("currentState", equalTo("CANCELLED"));
        given().get("/api/orders/" + id + "/history").then()
                .body("find { it.milestone == 'cancelled' }.cause", equalTo("El cliente desiste"));
    }

    @Test
    void cancellationAfterDispatchIsRefusedAndChangesNothing() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        shipment(Fulfil.shipmentId(id), "dispatch").then().statusCode(200);
        int[] dispatched = stock(WAREHOUSE, PHONE);

        given().contentType(ContentType.JSON).body(Map.of("reason", "Tarde"))
                .post("/api/orders/" + id + "/cancellation").then().statusCode(409)
                .body("currentState", equalTo("inProgress")).body("detail", containsString("DISPATCHED"));
        assertThat(state(id)).isEqualTo("inProgress");
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(dispatched);
        assertThat(Fulfil.shipments(id).getString("[0].state")).isEqualTo("DISPATCHED");
    }

    @Test
    void cancellationAfterInstallationStartIsRefused() {
        long id = decided(order(goodPayer(), null, Fulfil.FIBRE, 1, 0), "RELEASED");
        Fulfil.workOrder(Fulfil.workOrderId(id), "start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Tarde"))
                .post("/api/orders/" + id + "/cancellation").then().statusCode(409)
                .body("detail", containsString("IN_PROGRESS"));
    }

    @Test
    void lowSatisfactionOpensASupportTicket() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        given().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/api/orders/" + id + "/satisfaction")
                .then().statusCode(409).body("currentState", equalTo("inProgress"));
        Fulfil.deliver(id);
        given().get("/api/follow-ups?state=DUE&size=200").then().body("items.orderId", hasItem((int) id));
        given().contentType(ContentType.JSON).body(Map.of("score", 6)).post("/api/orders/" + id + "/satisfaction")
                .then().statusCode(400).body("errors.field", hasItem("score"));
        given().contentType(ContentType.JSON).body(Map.of("score", 1, "comment", "Llegó tarde y sin cargador"))
                .post("/api/orders/" + id + "/satisfaction").then().statusCode(200)
                .body("state", equalTo("ANSWERED")).body("score", equalTo(1));
        given().get("/api/support-tickets?orderId=" + id).then().body("items[0].reason", equalTo("LOW_SATISFACTION"))
                .body("items[0].detail", containsString("sin cargador"));
        given().contentType(ContentType.JSON).body(Map.of("score", 4)).post("/api/orders/" + id + "/satisfaction")
                .then().statusCode(409);
    }

    @Test
    void goodSatisfactionOpensNoTicket() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        Fulfil.deliver(id);
        given().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/api/orders/" + id + "/satisfaction")
                .then().statusCode(200);
        given().get("/api/support-tickets?orderId=" + id).then().body("total", equalTo(0));
    }

    @Test
    void partialPaymentsUntilPaidAndNoOverpayment() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        Fulfil.deliver(id);
        long invoice = Fulfil.invoice(id).getLong("id");

        Fulfil.pay(invoice, "200.00").then().statusCode(200).body("state", equalTo("PARTIALLY_PAID"))
                .body("paid", equalTo(200.0f)).body("balance", equalTo(999.0f));
        Fulfil.pay(invoice, "999.01").then().statusCode(422)
                .body("type", containsString("overpayment")).body("detail", containsString("999.00"));
        given().contentType(ContentType.JSON).body("{\"amount\":10.00,\"currency\":\"USD\",\"method\":\"ONLINE\"}")
                .post("/api/invoices/" + invoice + "/payments").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        given().contentType(ContentType.JSON).body("{\"amount\":-1,\"method\":\"CASH\"}")
                .post("/api/invoices/" + invoice + "/payments").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"amount\":499.00,\"method\":\"IN_STORE\"}")
                .post("/api/invoices/" + invoice + "/payments").then().statusCode(200)
                .body("state", equalTo("PARTIALLY_PAID"));
        Fulfil.pay(invoice, "500.00").then().statusCode(200).body("state", equalTo("PAID"))
                .body("balance", equalTo(0.0f)).body("payments.size()", equalTo(3))
                .body("payments.method", org.hamcrest.Matchers.contains("ONLINE", "IN_STORE", "ONLINE"));
        Fulfil.pay(invoice, "1.00").then().statusCode(409).body("currentState", equalTo("PAID"))
                .body("detail", containsString("final"));
        given().get("/api/orders/" + id + "/history").then().body("milestone", hasItems("payment", "paid"));
    }

    @Test
    void aPaymentRetriedWithTheSameIdempotencyKeyIsRecordedOnce() throws Exception {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        Fulfil.deliver(id);
        long invoice = Fulfil.invoice(id).getLong("id");
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"amount\":100.00,\"currency\":\"PEN\",\"method\":\"ONLINE\"}";
        for (Response answer : Race.times(4, () -> given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/invoices/" + invoice + "/payments"))) {
            answer.then().statusCode(200).body("paid", equalTo(100.0f));
        }

        given().get("/api/invoices/" + invoice).then().body("payments.size()", equalTo(1));
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"amount\":50.00,\"currency\":\"PEN\",\"method\":\"ONLINE\"}")
                .post("/api/invoices/" + invoice + "/payments").then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void twoOrdersRacingForTheLastUnitReleaseExactlyOne() throws Exception {
        String product = "F-LAST-" + System.nanoTime() % 100000;
        Fulfil.put("/api/products/" + product, "{\"name\":\"Última unidad\",\"kind\":\"DEVICE\",\"category\":"
                + "\"SMARTPHONE\",\"price\":699.00,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":0}");
        Fulfil.put("/api/stock/" + WAREHOUSE + "/" + product, "{\"quantity\":1}");
        long first = Shop.createOrder(order(goodPayer(), home(), product, 1, 0));
        long second = Shop.createOrder(order(goodPayer(), home(), product, 1, 0));

        List<Response> answers = Race.together(() -> Fulfil.evaluate(first), () -> Fulfil.evaluate(second));

        List<String> states = List.of(state(first), state(second));
        assertThat(states).containsOnlyOnce("inProgress");
        for (Response answer : answers) {
            if (answer.statusCode() == 409) {
                answer.then().body("detail", containsString("OUT_OF_STOCK_AT_RELEASE"))
                        .body("currentState", equalTo("acknowledged"));
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.jsonPath().getString("decision")).isIn("RELEASED", "REJECTED");
            }
        }
        assertThat(stock(WAREHOUSE, product)).containsExactly(1, 1, 0);
    }
}
