package pe.telco.orders.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * What a careless or hostile client may send: each case gets the documented status and problem type, never a
 * 5xx, and nothing is stored (orders, customers and evaluations counted before and after).
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager db;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    /** A request: method, path, content type and raw body bytes. */
    record Attack(String method, String path, String contentType, byte[] body, String key) {

        Attack(String method, String path, String contentType, byte[] body) {
            this(method, path, contentType, body, null);
        }

        Attack withKey(String idempotencyKey) {
            return new Attack(method, path, contentType, body, idempotencyKey);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(order("deeply nested JSON", 400, null, raw("{\"items\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}")));
        cases.add(order("items is a string", 400, "validation", change(b -> b.put("items", "lots"))));
        cases.add(order("quantity is text", 400, "validation", item(Map.of("productCode", "T-PHONE-A15", "quantity", "abc"))));
        cases.add(order("quantity is 1e400", 400, null, raw(orderJson().replace("\"T-PHONE-A15\"",
                "\"T-PHONE-A15\",\"quantity\":1e400"))));
        cases.add(order("quantity overflows an int", 400, null, raw(orderJson().replace("\"T-PHONE-A15\"",
                "\"T-PHONE-A15\",\"quantity\":2147483648"))));
        cases.add(order("quantity is negative", 400, "validation", item(Map.of("productCode", "T-PHONE-A15", "quantity", -5))));
        cases.add(order("quantity is a fraction", 400, "validation", item(Map.of("productCode", "T-PHONE-A15", "quantity", 1.5))));
        cases.add(order("quantity is a boolean", 400, "validation", item(Map.of("productCode", "T-PHONE-A15", "quantity", true))));
        cases.add(order("huge instalments", 400, "validation", item(Map.of("productCode", "T-PHONE-A15", "installments", 999999))));
        cases.add(order("10,000 items", 400, "validation", change(b -> b.put("items",
                java.util.Collections.nCopies(10_000, Map.of("productCode", "T-PHONE-A15"))))));
        cases.add(order("NUL in the name", 400, "validation", customer("name", "Ana\u0000Torres")));
        cases.add(order("NUL in externalId", 400, "validation", change(b -> b.put("externalId", "WEB-\u0000-1"))));
        cases.add(order("bell in a street", 400, "validation", change(b -> b.put("delivery", Map.of("method",
                "HOME_DELIVERY", "address", Map.of("street", "Jr. Puno\u0007", "city", "Lima", "postalCode", "15001"))))));
        cases.add(order("lone surrogate in the name", 400, "validation",
                raw(orderJson().replace("Cliente de prueba", "Ana \\ud800 Torres"))));
        cases.add(order("invalid UTF-8", 400, "malformed-json", invalidUtf8()));
        cases.add(order("empty body", 400, "validation", new byte[0]));
        cases.add(order("JSON null", 400, "validation", raw("null")));
        cases.add(order("an array instead of an object", 400, "validation", raw("[]")));
        cases.add(order("a bare string", 400, "validation", raw("\"order\"")));
        cases.add(order("truncated JSON", 400, "malformed-json", raw("{\"externalId\": \"x\", \"items\": [")));
        cases.add(order("customer is an array", 400, "validation", change(b -> b.put("customer", List.of(1, 2)))));
        cases.add(order("channel is a number", 400, "validation", change(b -> b.put("channel", 5))));
        cases.add(order("externalId of 10,000 characters", 400, "validation", change(b -> b.put("externalId", "x".repeat(10_000)))));
        cases.add(order("name of 100,000 characters", 400, "validation", customer("name", "n".repeat(100_000))));
        cases.add(order("SQL in externalId", 400, "validation", change(b -> b.put("externalId", "1' OR '1'='1"))));
        cases.add(order("SQL in the postal code", 400, "validation", change(b -> b.put("delivery", Map.of("method",
                "HOME_DELIVERY", "address", Map.of("street", "x", "city", "Lima", "postalCode", "1' OR 1=1--"))))));
        cases.add(order("full-width digits as DNI", 400, "validation", customer("documentNumber", "４５８７１２３６")));
        cases.add(order("header injection in e-mail", 400, "validation", customer("email", "a@b.pe\r\nBcc: x@y.pe")));
        cases.add(order("duplicate channel key", 400, "malformed-json",
                raw(orderJson().replaceFirst("\\{", "{\"channel\":\"FAX\","))));
        cases.add(order("unknown product code with SQL", 400, "validation",
                item(Map.of("productCode", "X'; DROP TABLE orders;--"))));
        cases.add(Arguments.of("text/plain body", new Attack("POST", "/api/orders", "text/plain",
                orderJson().getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type"));
        cases.add(Arguments.of("XML body", new Attack("POST", "/api/orders", "application/xml",
                "<order/>".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type"));
        cases.add(Arguments.of("negative page", new Attack("GET", "/api/orders?page=-1", null, null), 400, "validation"));
        cases.add(Arguments.of("page is text", new Attack("GET", "/api/orders?page=abc", null, null), 400, "validation"));
        cases.add(Arguments.of("size 10,000", new Attack("GET", "/api/orders?size=10000", null, null), 400, "validation"));
        cases.add(Arguments.of("order id is text", new Attack("GET", "/api/orders/abc", null, null), 404, "not-found"));
        cases.add(Arguments.of("order id overflows", new Attack("GET", "/api/orders/99999999999999999999", null, null),
                404, "not-found"));
        cases.add(Arguments.of("unknown path", new Attack("GET", "/api/nothing-here", null, null), 404, "not-found"));
        cases.add(Arguments.of("wrong method", new Attack("DELETE", "/api/orders", null, null), 405, "method-not-allowed"));
        cases.add(Arguments.of("product code with NUL", new Attack("PUT", "/api/products/A%00B", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), 400, "validation"));
        cases.add(Arguments.of("document number with SQL", new Attack("PUT", "/api/customers/DNI/1%27%3Bdrop",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 400, "validation"));
        cases.add(Arguments.of("dry run with 10,000 items", new Attack("POST", "/api/evaluations", "application/json",
                json(change(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0), b -> b.put("items",
                        java.util.Collections.nCopies(10_000, Map.of("productCode", "T-PHONE-A15")))))), 400, "validation"));
        cases.add(Arguments.of("evaluation of a text id", new Attack("POST", "/api/orders/x/evaluation", null, null),
                404, "not-found"));
        cases.add(Arguments.of("Idempotency-Key too long", new Attack("POST", "/api/orders", "application/json",
                json(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0))).withKey("k".repeat(300)), 400, "validation"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAProblemAndStoresNothing(String name, Attack attack, int status, String type) {
        long[] before = counts();

        Response response = send(attack);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.<String>path("type")).as(name).endsWith("/" + type);
        }
        assertThat(response.asString()).as(name).doesNotContain("Exception", "at pe.telco", "org.hibernate", "SQL");
        assertThat(counts()).as(name + ": nothing stored").isEqualTo(before);
    }

    @Test
    void refusesUploadsWithHostileFileNamesAndStoresNoRuleset() {
        int before = given().get("/api/rulesets").then().statusCode(200).extract().path("total");

        given().multiPart("file", "cr<script>edit.drl.xlsx", new byte[] {1, 2}).post("/api/rulesets").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        org.hamcrest.Matchers.equalTo("files"));
        given().multiPart("file", "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8))
                .post("/api/rulesets").then().statusCode(400).contentType("application/problem+json");
        given().multiPart("file", "notes.drl.xlsm", new byte[] {1}).post("/api/rulesets").then().statusCode(400);

        assertThat(given().get("/api/rulesets").then().extract().<Integer>path("total")).isEqualTo(before);
    }

    @Test
    void storesInjectionStringsInTextFieldsAsPlainText() {
        String name = "Robert'); DROP TABLE orders;-- <script>alert(1)</script> 😀";
        Map<String, Object> body = change(Shop.phoneOrder(Shop.newDni(), "T-PHONE-A15", 0),
                b -> b.put("customer", Map.of("documentType", "DNI", "documentNumber", Shop.newDni(), "name", name)));

        String location = given().contentType("application/json").body(body).post("/api/orders").then()
                .statusCode(201).extract().header("Location");

        given().get(location).then().statusCode(200).body("customer.name", org.hamcrest.Matchers.equalTo(name));
        given().get("/api/orders?size=1").then().statusCode(200);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
        long[] before = counts();
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString(
                    "tester:tester-secret".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Basic " + auth + "\r\n"
                    + "Content-Length: " + (11L * 1024 * 1024) + "\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            answer = readAnswer(socket.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("payload-too-large");
        assertThat(counts()).isEqualTo(before);
    }

    /** Reads a response up to the end of its JSON body (the connection may stay open). */
    private static String readAnswer(java.io.InputStream in) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            text.append((char) c);
            int bodyStart = text.indexOf("\r\n\r\n");
            if (bodyStart > 0 && text.charAt(text.length() - 1) == '}') {
                break;
            }
        }
        return text.toString();
    }

    private long[] counts() {
        return new long[] {count("orders"), count("customer"), count("evaluation")};
    }

    @jakarta.transaction.Transactional
    long count(String table) {
        return ((Number) db.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    private static Response send(Attack attack) {
        var request = given();
        if (attack.contentType() != null) {
            request = request.contentType(attack.contentType());
        }
        if (attack.body() != null) {
            request = request.body(attack.body());
        }
        if (attack.key() != null) {
            request = request.header("Idempotency-Key", attack.key());
        }
        return request.request(attack.method(), attack.path());
    }

    private static Arguments order(String name, int status, String type, byte[] body) {
        return Arguments.of(name, new Attack("POST", "/api/orders", "application/json", body), status, type);
    }

    private static byte[] change(Consumer<Map<String, Object>> edit) {
        return json(change(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0), edit));
    }

    private static Map<String, Object> change(Map<String, Object> body, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = new HashMap<>(body);
        edit.accept(copy);
        return copy;
    }

    private static byte[] item(Map<String, Object> item) {
        return change(b -> b.put("items", List.of(item)));
    }

    private static byte[] customer(String field, String value) {
        return change(b -> {
            Map<String, Object> customer = new HashMap<>(Map.of("documentType", "DNI", "documentNumber",
                    Shop.GOOD_PAYER, "name", "Ana"));
            customer.put(field, value);
            b.put("customer", customer);
        });
    }

    private static String orderJson() {
        return new String(json(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0)), StandardCharsets.UTF_8);
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        byte[] valid = raw(orderJson().replace("Cliente de prueba", "Cliente XX"));
        String text = new String(valid, StandardCharsets.UTF_8);
        int at = text.indexOf("XX");
        valid[at] = (byte) 0xC3;
        valid[at + 1] = (byte) 0x28;
        return valid;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
