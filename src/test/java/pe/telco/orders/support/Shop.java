package pe.telco.orders.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reference data for order tests, put through the operations API (idempotent, so every class may call it), order
 * bodies as channels send them, and the one way tests create an order.
 */
public final class Shop {

    public static final String GOOD_PAYER = "30000001";
    public static final String BORDERLINE = "30000002";
    public static final String IN_DEBT = "30000003";
    /** The location wendy.warehouse works for in the test profile ({@code orders.access.location-of}). */
    public static final String WENDYS_WAREHOUSE = "F-WH";
    /** A phone only that warehouse stocks: an order of it ships from there. */
    public static final String WAREHOUSE_PHONE = "T-PHONE-WH";

    private static boolean ready;

    private Shop() {
    }

    public static synchronized void open() {
        if (ready) {
            return;
        }
        product("T-PHONE-A15", "{\"name\":\"Galaxy A15\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\",\"price\":899.00,"
                + "\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":24,\"contractMonths\":0}");
        product("T-PHONE-NOSTOCK", "{\"name\":\"iPhone 15\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\",\"price\":4299.00,"
                + "\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":36,\"contractMonths\":0}");
        product("T-PHONE-PREPAID", "{\"name\":\"Alcatel 1\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\",\"price\":199.00,"
                + "\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,\"contractMonths\":0}");
        product("T-FIBER-300", "{\"name\":\"Fibra 300\",\"kind\":\"SERVICE\",\"category\":\"FIBER_INTERNET\",\"price\":0.00,"
                + "\"monthlyFee\":109.00,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":12,\"downloadMbps\":300}");
        put("/api/coverage/15074", "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":1000},"
                + "{\"technology\":\"LTE\",\"maxDownloadMbps\":150}]}");
        put("/api/coverage/15046", "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":600}]}");
        put("/api/coverage/15311", "{\"technologies\":[{\"technology\":\"HFC\",\"maxDownloadMbps\":200}]}");
        put("/api/locations/T-WH", "{\"name\":\"Almacén de pruebas\",\"kind\":\"WAREHOUSE\",\"district\":\"Lurín\"}");
        put("/api/locations/T-STORE", "{\"name\":\"Tienda de pruebas\",\"kind\":\"STORE\",\"district\":\"Surco\"}");
        put("/api/stock/T-WH/T-PHONE-A15", "{\"quantity\":500}");
        put("/api/stock/T-STORE/T-PHONE-A15", "{\"quantity\":50}");
        put("/api/stock/T-WH/T-PHONE-NOSTOCK", "{\"quantity\":0}");
        put("/api/stock/T-WH/T-PHONE-PREPAID", "{\"quantity\":100}");
        product(WAREHOUSE_PHONE, "{\"name\":\"Redmi 13\",\"kind\":\"DEVICE\",\"category\":\"SMARTPHONE\","
                + "\"price\":699.00,\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":24,"
                + "\"contractMonths\":0}");
        put("/api/locations/" + WENDYS_WAREHOUSE,
                "{\"name\":\"Almacén F\",\"kind\":\"WAREHOUSE\",\"district\":\"Lurín\"}");
        put("/api/stock/" + WENDYS_WAREHOUSE + "/" + WAREHOUSE_PHONE, "{\"quantity\":500}");
        put("/api/terms/2025-07", "{\"effectiveFrom\":\"2025-07-01\",\"url\":\"https://www.telco.pe/t/2025-07\"}");
        put("/api/terms/2026-01", "{\"effectiveFrom\":\"2026-01-01\",\"url\":\"https://www.telco.pe/t/2026-01\"}");
        customer(GOOD_PAYER, "Ana Prueba", 780, "0.00",
                "[{\"productCode\":\"T-FIBER-300\",\"address\":{\"street\":\"Av. Arequipa 1234\",\"city\":\"Lima\",\"postalCode\":\"15074\"}}]");
        customer(BORDERLINE, "Carlos Prueba", 560, "0.00", "[]");
        customer(IN_DEBT, "Jorge Prueba", 420, "850.00", "[]");
        ready = true;
    }

    /** A clean order body: fibre at an address with fibre, current terms accepted, a good payer. */
    public static Map<String, Object> fibreOrder(String document, String postalCode) {
        return Map.of(
                "externalId", "T-" + UUID.randomUUID(),
                "channel", "WEB",
                "customer", Map.of("documentType", "DNI", "documentNumber", document, "name", "Cliente de prueba",
                        "email", "cliente@example.com", "phone", "+51 999 888 777", "segment", "RESIDENTIAL"),
                "serviceAddress", Map.of("street", "Calle Los Pinos 456", "city", "Lima", "postalCode", postalCode),
                "items", List.of(Map.of("productCode", "T-FIBER-300", "quantity", 1)),
                "acceptedTermsVersion", "2026-01",
                "paymentMethod", "AUTOMATIC_DEBIT");
    }

    /** A financed phone delivered home. */
    public static Map<String, Object> phoneOrder(String document, String productCode, int installments) {
        return Map.of(
                "externalId", "T-" + UUID.randomUUID(),
                "channel", "APP",
                "customer", Map.of("documentType", "DNI", "documentNumber", document, "name", "Cliente de prueba"),
                "items", List.of(Map.of("productCode", productCode, "quantity", 1, "installments", installments)),
                "acceptedTermsVersion", "2026-01",
                "delivery", Map.of("method", "HOME_DELIVERY",
                        "address", Map.of("street", "Jr. Puno 100", "city", "Lima", "postalCode", "15001")),
                "paymentMethod", "ONLINE");
    }

    /** Creates an order as the test user (every role, no channel of its own); returns its id. */
    public static long createOrder(Map<String, Object> body) {
        return createOrder(given(), body);
    }

    /** Creates an order with these credentials (a channel's, say); returns its id. */
    public static long createOrder(RequestSpecification as, Map<String, Object> body) {
        return ((Number) as.contentType(ContentType.JSON).body(body).post("/api/orders").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Creates an order and has the rules release it (a shipment or work order per item); returns its id. */
    public static long releasedOrder(Map<String, Object> body) {
        long id = createOrder(body);
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200).body("decision", equalTo("RELEASED"));
        return id;
    }

    /** A borderline customer's financed phone, sent by the app channel and held for a person; returns its id. */
    public static long heldOrder() {
        return heldOrder("Cliente de prueba");
    }

    /** {@link #heldOrder()} for a customer of this name. */
    public static long heldOrder(String customerName) {
        Map<String, Object> order = new HashMap<>(phoneOrder(BORDERLINE, "T-PHONE-A15", 12));
        order.put("customer", Map.of("documentType", "DNI", "documentNumber", BORDERLINE, "name", customerName));
        long id = createOrder(asApp(), order);
        asApp().post("/api/orders/" + id + "/evaluation").then().statusCode(200).body("decision", equalTo("HELD"));
        return id;
    }

    private static RequestSpecification asApp() {
        return given().auth().preemptive().basic("app", "app-secret");
    }

    public static String newDni() {
        return String.valueOf(40_000_000 + (int) (Math.random() * 9_999_999));
    }

    private static void product(String code, String body) {
        put("/api/products/" + code, body);
    }

    private static void customer(String dni, String name, int score, String debt, String products) {
        put("/api/customers/DNI/" + dni, "{\"name\":\"" + name + "\",\"segment\":\"RESIDENTIAL\","
                + "\"customerSince\":\"2019-05-01\",\"creditScore\":" + score + ",\"overdueDebt\":" + debt
                + ",\"products\":" + products + "}");
    }

    private static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }
}
