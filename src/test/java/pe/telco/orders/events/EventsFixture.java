package pe.telco.orders.events;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import pe.telco.orders.support.Shop;

/**
 * Orders walked through the HTTP API for the event tests, on reference data of their own (codes start with
 * {@code E-}), and the outbox rows read back with plain SQL.
 */
final class EventsFixture {

    static final String WAREHOUSE = "E-WH";
    static final String PHONE = "E-PHONE";
    static final String FIBRE = "E-FIBER";
    static final String POSTAL = "15977";
    private static final AtomicInteger DOCUMENTS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static boolean ready;

    private EventsFixture() {
    }

    static synchronized void open() {
        if (ready) {
            return;
        }
        Shop.open();
        put("/api/products/" + PHONE, "{\"name\":\"Moto E\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\","
                + "\"price\":999.00,\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":24,\"contractMonths\":0}");
        put("/api/products/" + FIBRE, "{\"name\":\"Fibra E 300\",\"kind\":\"SERVICE\",\"category\":\"FIBER_INTERNET\","
                + "\"price\":0.00,\"monthlyFee\":109.00,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":12,\"downloadMbps\":300}");
        put("/api/coverage/" + POSTAL, "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":1000}]}");
        put("/api/locations/" + WAREHOUSE, "{\"name\":\"Almacén E\",\"kind\":\"WAREHOUSE\",\"district\":\"Lurín\"}");
        put("/api/stock/" + WAREHOUSE + "/" + PHONE, "{\"quantity\":100000}");
        ready = true;
    }

    /** A new customer with this credit score; returns the DNI. */
    static String customer(int score) {
        String dni = String.valueOf(60_000_000 + DOCUMENTS.incrementAndGet() % 9_999_999);
        put("/api/customers/DNI/" + dni, "{\"name\":\"Cliente E\",\"segment\":\"RESIDENTIAL\",\"customerSince\":"
                + "\"2018-03-01\",\"creditScore\":" + score + ",\"overdueDebt\":0.00,\"products\":[]}");
        return dni;
    }

    /** A home-delivered order of the given items (productCode, quantity, installments triples) by channel WEB. */
    static long create(String dni, Object... items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < items.length; i += 3) {
            lines.add(Map.of("productCode", items[i], "quantity", items[i + 1], "installments", items[i + 2]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "E-" + UUID.randomUUID());
        body.put("channel", "WEB");
        body.put("customer", Map.of("documentType", "DNI", "documentNumber", dni, "name", "Cliente E",
                "segment", "RESIDENTIAL"));
        body.put("serviceAddress", Map.of("street", "Av. Pardo 100", "city", "Lima", "postalCode", POSTAL));
        body.put("items", lines);
        body.put("acceptedTermsVersion", given().get("/api/terms/current").then().statusCode(200).extract()
                .path("version"));
        body.put("delivery", Map.of("method", "HOME_DELIVERY"));
        body.put("paymentMethod", "ONLINE");
        return ((Number) given().contentType(ContentType.JSON).body(body).post("/api/orders").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Creates and evaluates; asserts the decision. */
    static long decided(String decision, String dni, Object... items) {
        long id = create(dni, items);
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200)
                .body("decision", org.hamcrest.Matchers.equalTo(decision));
        return id;
    }

    static long released() {
        return decided("RELEASED", customer(780), PHONE, 1, 0, FIBRE, 1, 0);
    }

    static long shipmentId(long orderId) {
        return given().get("/api/orders/" + orderId + "/shipments").then().statusCode(200).extract().jsonPath()
                .getLong("[0].id");
    }

    static long workOrderId(long orderId) {
        return given().get("/api/orders/" + orderId + "/work-orders").then().statusCode(200).extract().jsonPath()
                .getLong("[0].id");
    }

    static Response post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    /** Dispatch, delivery, installation start and completion, and payment of the invoice: the order is paid. */
    static void fulfilAndPay(long orderId) {
        long shipment = shipmentId(orderId);
        post("/api/shipments/" + shipment + "/dispatch", Map.of()).then().statusCode(200);
        post("/api/shipments/" + shipment + "/delivery", Map.of("recipientName", "Rosa Quispe",
                "signatureReference", "SIG-" + UUID.randomUUID())).then().statusCode(200);
        long work = workOrderId(orderId);
        post("/api/work-orders/" + work + "/start", Map.of()).then().statusCode(200);
        post("/api/work-orders/" + work + "/completion", Map.of("technician", "Tec. Ana Ruiz",
                "lineOrEquipmentId", "ONT-" + UUID.randomUUID())).then().statusCode(200);
        var invoice = given().get("/api/orders/" + orderId + "/invoice").then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).body("{\"amount\":" + invoice.getString("total")
                + ",\"currency\":\"PEN\",\"method\":\"ONLINE\"}").post("/api/invoices/" + invoice.getLong("id")
                + "/payments").then().statusCode(200);
    }

    static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }

    /** One outbox row as stored. */
    record Row(String eventId, long orderId, int seq, String topic, String type, String body, Long position) {
    }

    /** The order's outbox rows in sequence. */
    static List<Row> rows(DataSource db, long orderId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select event_id::text,"
                + " order_id, seq, topic, event_type, body, position from outbox_event where order_id = ? order by seq")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), (Long) rs.getObject(7)));
                }
            }
        }
        return rows;
    }

    static List<String> types(DataSource db, long orderId) throws SQLException {
        return rows(db, orderId).stream().map(Row::type).toList();
    }
}
