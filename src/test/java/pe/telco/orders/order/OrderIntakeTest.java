package pe.telco.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.telco.orders.support.Shop;

/** Channels send orders: stored as acknowledged with catalogue prices, or refused field by field with nothing stored. */
@QuarkusTest
class OrderIntakeTest {

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void storesAnAcknowledgedOrderWithThePricesOfTheCatalogue() {
        Map<String, Object> body = Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 12);

        Response created = given().contentType(ContentType.JSON).body(body).post("/api/orders");

        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/orders/\\d+"))
                .body("state", equalTo("acknowledged"))
                .body("orderNumber", matchesPattern("ORD-\\d{4}-\\d{6}"))
                .body("channel", equalTo("APP"))
                .body("externalId", equalTo(body.get("externalId")))
                .body("items[0].unitPrice", equalTo(899.00f))
                .body("items[0].installments", equalTo(12))
                .body("items[0].state", equalTo("acknowledged"))
                .body("totals.financed", equalTo(899.00f))
                .body("delivery.address.postalCode", equalTo("15001"));
        given().get(created.header("Location")).then().statusCode(200)
                .body("orderNumber", equalTo(created.path("orderNumber")));
        given().get(created.header("Location") + "/history").then().statusCode(200)
                .body("[0].milestone", equalTo("received")).body("[0].toState", equalTo("acknowledged"));
    }

    @Test
    void createsAnUnknownCustomerFromTheOrderAndFindsAnExistingOne() {
        String dni = Shop.newDni();
        given().get("/api/customers/DNI/" + dni).then().statusCode(404);

        given().contentType(ContentType.JSON).body(Shop.fibreOrder(dni, "15046")).post("/api/orders")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Shop.fibreOrder(dni, "15046")).post("/api/orders")
                .then().statusCode(201);

        given().get("/api/customers/DNI/" + dni).then().statusCode(200).body("name", equalTo("Cliente de prueba"));
        given().get("/api/orders?customerDocument=" + dni).then().body("total", equalTo(2));
    }

    @Test
    void answersASecondOrderWithTheSameExternalIdWith409AndTheExistingLocation() {
        Map<String, Object> body = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        String location = given().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(201).extract().header("Location");
        long before = orderCount();

        given().contentType(ContentType.JSON).body(body).post("/api/orders").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Location", equalTo(location))
                .body("location", equalTo(location.substring(location.indexOf("/api/"))))
                .body("currentState", equalTo("acknowledged"));
        assertThat(orderCount()).isEqualTo(before);
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid("channel", b -> b.put("channel", "FAX")),
                invalid("externalId", b -> b.remove("externalId")),
                invalid("items[0].productCode", b -> b.put("items", List.of(Map.of("productCode", "NOPE")))),
                invalid("items[0].quantity", b -> b.put("items", List.of(Map.of("productCode", "T-PHONE-A15",
                        "quantity", 0)))),
                invalid("items[0].installments", b -> b.put("items", List.of(Map.of("productCode", "T-PHONE-A15",
                        "installments", 36)))),
                invalid("items[0].installments", b -> b.put("items", List.of(Map.of("productCode", "T-PHONE-PREPAID",
                        "installments", 6)))),
                invalid("items[0].installments", b -> b.put("items", List.of(Map.of("productCode", "T-PHONE-A15",
                        "installments", -1)))),
                invalid("items", b -> b.put("items", List.of())),
                invalid("serviceAddress", b -> b.put("items", List.of(Map.of("productCode", "T-FIBER-300")))),
                invalid("delivery.storeCode", b -> b.put("delivery", Map.of("method", "STORE_PICKUP"))),
                invalid("delivery.storeCode", b -> b.put("delivery", Map.of("method", "STORE_PICKUP",
                        "storeCode", "T-WH"))),
                invalid("delivery.method", b -> b.put("delivery", Map.of("method", "DRONE"))),
                invalid("customer.documentNumber", b -> b.put("customer", Map.of("documentType", "DNI",
                        "documentNumber", "12AB", "name", "X"))),
                invalid("customer.name", b -> b.put("customer", Map.of("documentType", "DNI",
                        "documentNumber", "30000001", "name", "Ana\u0000Torres"))),
                invalid("paymentMethod", b -> b.put("paymentMethod", "CASH")),
                invalid("delivery.address.postalCode", b -> b.put("delivery", Map.of("method", "HOME_DELIVERY",
                        "address", Map.of("street", "Jr. Puno 100", "city", "Lima", "postalCode", "LIMA1")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void refusesAnInvalidFieldNamingItAndStoresNothing(String field, Map<String, Object> body) {
        long before = orderCount();

        given().contentType(ContentType.JSON).body(body).post("/api/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void listsEveryInvalidFieldInOneAnswer() {
        Map<String, Object> body = new HashMap<>(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0));
        body.put("channel", "FAX");
        body.put("paymentMethod", null);
        body.put("items", List.of(Map.of("productCode", "T-PHONE-A15", "quantity", 99)));

        List<String> fields = given().contentType(ContentType.JSON).body(body).post("/api/orders").then()
                .statusCode(400).extract().path("errors.field");

        assertThat(fields).contains("channel", "paymentMethod", "items[0].quantity");
    }

    @Test
    void refusesMalformedJsonWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"channel\": \"WEB\", ").post("/api/orders").then()
                .statusCode(400).contentType("application/problem+json").body("type", startsWith("https://"));
    }

    @Test
    void listsOrdersFilteredByChannelAndExternalIdNewestFirst() {
        Map<String, Object> body = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        given().contentType(ContentType.JSON).body(body).post("/api/orders").then().statusCode(201);

        given().get("/api/orders?channel=WEB&externalId=" + body.get("externalId")).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].externalId", equalTo(body.get("externalId")))
                .body("page", equalTo(0)).body("size", equalTo(20));
        given().get("/api/orders?state=nonsense").then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().get("/api/orders?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/orders/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    static long orderCount() {
        return ((Number) given().get("/api/orders?size=1").then().statusCode(200).extract().path("total")).longValue();
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0));
        change.accept(body);
        return Arguments.of(field, body);
    }
}
