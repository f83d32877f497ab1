package pe.telco.orders.tmf;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The reference data the README's TMF622 walk-through needs (the demo catalogue's codes, the borderline customer,
 * the Jockey store), put through the operations API, and the example orders shipped under examples/tmf622.
 */
final class TmfShop {

    static final String RELEASED = "released-fibre-and-tv.json";
    static final String HELD = "held-financed-phone.json";
    static final String REJECTED = "rejected-no-fibre.json";

    private static boolean ready;

    private TmfShop() {
    }

    static synchronized void open() {
        if (ready) {
            return;
        }
        put("/api/products/FIBER-300", service("Fibra 300 Mbps", "FIBER_INTERNET", "109.00", 300));
        put("/api/products/FIBER-600", service("Fibra 600 Mbps", "FIBER_INTERNET", "139.00", 600));
        put("/api/products/TV-HD", "{\"name\":\"TV Cable HD (110 canales)\",\"kind\":\"SERVICE\",\"category\":\"TV\","
                + "\"price\":0.00,\"monthlyFee\":65.00,\"currency\":\"PEN\",\"financeable\":false,"
                + "\"maxInstallments\":0,\"contractMonths\":12}");
        put("/api/products/POSTPAID-49", "{\"name\":\"Plan Postpago 49.90 (30 GB)\",\"kind\":\"SERVICE\","
                + "\"category\":\"MOBILE_POSTPAID\",\"price\":0.00,\"monthlyFee\":49.90,\"currency\":\"PEN\","
                + "\"financeable\":false,\"maxInstallments\":0,\"contractMonths\":0}");
        put("/api/products/PHONE-A15-128", "{\"name\":\"Samsung Galaxy A15 128GB\",\"kind\":\"DEVICE\","
                + "\"category\":\"SMARTPHONE\",\"price\":899.00,\"currency\":\"PEN\",\"financeable\":true,"
                + "\"maxInstallments\":24,\"contractMonths\":0}");
        put("/api/coverage/15046", "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":600}]}");
        put("/api/coverage/15311", "{\"technologies\":[{\"technology\":\"HFC\",\"maxDownloadMbps\":200}]}");
        put("/api/locations/ST-JOCKEY", "{\"name\":\"Tienda Jockey Plaza\",\"kind\":\"STORE\","
                + "\"district\":\"Santiago de Surco\"}");
        put("/api/stock/ST-JOCKEY/PHONE-A15-128", "{\"quantity\":500}");
        put("/api/terms/2026-01", "{\"effectiveFrom\":\"2026-01-01\",\"url\":\"https://www.telco.pe/t/2026-01\"}");
        put("/api/customers/DNI/40123457", "{\"name\":\"Carlos Mendoza\",\"segment\":\"RESIDENTIAL\","
                + "\"customerSince\":\"2023-02-10\",\"creditScore\":560,\"overdueDebt\":0.00,\"products\":"
                + "[{\"productCode\":\"POSTPAID-49\",\"address\":{\"street\":\"Av. José Pardo 620\",\"city\":\"Lima\","
                + "\"postalCode\":\"15046\"}}]}");
        ready = true;
    }

    /** An example order from examples/tmf622 with a fresh externalId (and, for new customers, a fresh DNI). */
    static ObjectNode example(String file) {
        try {
            ObjectNode order = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("examples/tmf622", file)));
            String prefix = order.at("/externalId/0/id").asText().split("-")[0];
            ((ObjectNode) order.at("/externalId/0")).put("id", prefix + "-" + UUID.randomUUID());
            if (!file.equals(HELD)) {
                ((ObjectNode) order.at("/relatedParty/0/partyOrPartyRole")).put("id", "DNI:" + newDni());
            }
            return order;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newDni() {
        return String.valueOf(60_000_000 + (int) (Math.random() * 9_999_999));
    }

    private static String service(String name, String category, String fee, int mbps) {
        return "{\"name\":\"" + name + "\",\"kind\":\"SERVICE\",\"category\":\"" + category + "\",\"price\":0.00,"
                + "\"monthlyFee\":" + fee + ",\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":12,\"downloadMbps\":" + mbps + "}";
    }

    private static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }
}
