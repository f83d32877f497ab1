package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import pe.telco.orders.support.Shop;

/**
 * Reference data and order steps for fulfilment scenarios, all through the HTTP API. Codes start with {@code F-} so
 * no other test touches this stock; every scenario gets its own customer.
 */
final class Fulfil {

    static final String WAREHOUSE = "F-WH";
    static final String STORE = "F-STORE";
    static final String PHONE = "F-PHONE";
    static final String FIBRE = "F-FIBER";
    static final String MOBILE = "F-MOBILE";
    static final String POSTAL = "15988";
    private static final AtomicInteger DOCUMENTS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static boolean ready;

    private Fulfil() {
    }

    static synchronized void open() {
        if (ready) {
            return;
        }
        Shop.open(); // publishes the terms in effect
        put("/api/products/" + PHONE, "{\"name\":\"Moto G F\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\","
                + "\"price\":1199.00,\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":24,\"contractMonths\":0}");
        put("/api/products/" + FIBRE, "{\"name\":\"Fibra F 300\",\"kind\":\"SERVICE\",\"category\":\"FIBER_INTERNET\","
                + "\"price\":0.00,\"monthlyFee\":119.00,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":12,\"downloadMbps\":300}");
        put("/api/products/" + MOBILE, "{\"name\":\"Postpago F 59\",\"kind\":\"SERVICE\",\"category\":\"MOBILE_POSTPAID\","
                + "\"price\":0.00,\"monthlyFee\":59.90,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":12}");
        put("/api/coverage/" + POSTAL, "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":1000},"
                + "{\"technology\":\"LTE\",\"maxDownloadMbps\":150}]}");
        put("/api/locations/" + WAREHOUSE, "{\"name\":\"Almacén F\",\"kind\":\"WAREHOUSE\",\"district\":\"Lurín\"}");
        put("/api/locations/" + STORE, "{\"name\":\"Tienda F\",\"kind\":\"STORE\",\"district\":\"Miraflores\"}");
        put("/api/stock/" + WAREHOUSE + "/" + PHONE, "{\"quantity\":1000}");
        put("/api/stock/" + STORE + "/" + PHONE, "{\"quantity\":100}");
        ready = true;
    }

    /** A new customer with the given credit score and no current products; returns the DNI. */
    static String customer(int score) {
        String dni = String.valueOf(70_000_000 + DOCUMENTS.incrementAndGet() % 9_999_999);
        put("/api/customers/DNI/" + dni, "{\"name\":\"Cliente F\",\"segment\":\"RESIDENTIAL\",\"customerSince\":"
                + "\"2019-05-01\",\"creditScore\":" + score + ",\"overdueDebt\":0.00,\"products\":[]}");
        return dni;
    }

    static String goodPayer() {
        return customer(780);
    }

    /** An order body; items as productCode, quantity, installments triples. */
    static Map<String, Object> order(String dni, Map<String, Object> delivery, Object... items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < items.length; i += 3) {
            lines.add(Map.of("productCode", items[i], "quantity", items[i + 1], "installments", items[i + 2]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "F-" + UUID.randomUUID());
        body.put("channel", "WEB");
        body.put("customer", Map.of("documentType", "DNI", "documentNumber", dni, "name", "Cliente F",
                "segment", "RESIDENTIAL"));
        body.put("serviceAddress", Map.of("street", "Av. Larco 500", "city", "Lima", "postalCode", POSTAL));
        body.put("items", lines);
        body.put("acceptedTermsVersion", given().get("/api/terms/current").then().statusCode(200).extract()
                .path("version"));
        body.put("delivery", delivery);
        body.put("paymentMethod", "ONLINE");
        return body;
    }

    static Map<String, Object> home() {
        return Map.of("method", "HOME_DELIVERY");
    }

    static Map<String, Object> pickup() {
        return Map.of("method", "STORE_PICKUP", "storeCode", STORE);
    }

    static Response evaluate(long orderId) {
        return given().post("/api/orders/" + orderId + "/evaluation");
    }

    /** Creates and evaluates; asserts the decision. */
    static long decided(Map<String, Object> body, String decision) {
        long id = Shop.createOrder(body);
        evaluate(id).then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo(decision));
        return id;
    }

    static String state(long orderId) {
        return given().get("/api/orders/" + orderId).then().statusCode(200).extract().path("state");
    }

    static JsonPath shipments(long orderId) {
        return given().get("/api/orders/" + orderId + "/shipments").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath workOrders(long orderId) {
        return given().get("/api/orders/" + orderId + "/work-orders").then().statusCode(200).extract().jsonPath();
    }

    static long shipmentId(long orderId) {
        return shipments(orderId).getLong("[0].id");
    }

    static long workOrderId(long orderId) {
        return workOrders(orderId).getLong("[0].id");
    }

    static Response shipment(long id, String event, Map<String, Object> details) {
        return given().contentType(ContentType.JSON).body(details).post("/api/shipments/" + id + "/" + event);
    }

    static Response shipment(long id, String event) {
        return shipment(id, event, Map.of());
    }

    static Response workOrder(long id, String event, Map<String, Object> details) {
        return given().contentType(ContentType.JSON).body(details).post("/api/work-orders/" + id + "/" + event);
    }

    static Response workOrder(long id, String event) {
        return workOrder(id, event, Map.of());
    }

    static Map<String, Object> signed() {
        return Map.of("recipientName", "Rosa Quispe", "signatureReference", "SIG-" + UUID.randomUUID());
    }

    static Map<String, Object> done() {
        return Map.of("technician", "Tec. Luis Ramos", "lineOrEquipmentId", "ONT-" + UUID.randomUUID());
    }

    /** Dispatches and delivers the order's first shipment. */
    static void deliver(long orderId) {
        long s = shipmentId(orderId);
        shipment(s, "dispatch").then().statusCode(200);
        shipment(s, "delivery", signed()).then().statusCode(200);
    }

    /** Starts and completes the order's first work order. */
    static void install(long orderId) {
        long w = workOrderId(orderId);
        workOrder(w, "start").then().statusCode(200);
        workOrder(w, "completion", done()).then().statusCode(200);
    }

    /** On hand, reserved, available of a product at a location. */
    static int[] stock(String location, String product) {
        JsonPath level = given().get("/api/stock/" + location + "/" + product).then().statusCode(200).extract()
                .jsonPath();
        int[] counts = {level.getInt("onHand"), level.getInt("reserved"), level.getInt("available")};
        assertThat(counts[2]).isEqualTo(counts[0] - counts[1]);
        return counts;
    }

    static JsonPath invoice(long orderId) {
        return given().get("/api/orders/" + orderId + "/invoice").then().statusCode(200).extract().jsonPath();
    }

    static Response pay(long invoiceId, String amount) {
        return given().contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + ",\"currency\":\"PEN\",\"method\":\"ONLINE\"}")
                .post("/api/invoices/" + invoiceId + "/payments");
    }

    static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }
}
