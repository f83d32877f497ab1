package pe.telco.orders.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;

@QuarkusTest
class ProductResourceTest {

    static Map<String, Object> fibre300() {
        return Map.of("name", "Fibra 300 Mbps", "kind", "SERVICE", "category", "FIBER_INTERNET",
                "price", 0, "monthlyFee", 109, "contractMonths", 12, "downloadMbps", 300);
    }

    static Map<String, Object> galaxy() {
        return Map.of("name", "Samsung Galaxy A15 128GB", "kind", "DEVICE", "category", "SMARTPHONE",
                "price", "899.00", "currency", "PEN", "financeable", true, "maxInstallments", 24);
    }

    @Test
    void storesAProductAndReadsItBackWithMoneyInTwoDecimals() {
        put("T-FIBER-300", fibre300()).then().statusCode(200)
                .body("code", equalTo("T-FIBER-300"))
                .body("monthlyFee", equalTo(109.00f))
                .body("currency", equalTo("PEN"))
                .body("financeable", equalTo(false));
        given().get("/api/products/T-FIBER-300").then().statusCode(200)
                .body("name", equalTo("Fibra 300 Mbps"))
                .body("kind", equalTo("SERVICE"))
                .body("downloadMbps", equalTo(300))
                .body("contractMonths", equalTo(12));
        String raw = given().get("/api/products/T-FIBER-300").asString();
        assertThat(raw).contains("\"price\":0.00", "\"monthlyFee\":109.00");
    }

    @Test
    void aSecondPutReplacesTheProduct() {
        put("T-PHONE-REPLACED", galaxy()).then().statusCode(200);
        var cheaper = new java.util.HashMap<>(galaxy());
        cheaper.put("price", "849.90");
        cheaper.put("maxInstallments", 12);
        put("T-PHONE-REPLACED", cheaper).then().statusCode(200);
        given().get("/api/products/T-PHONE-REPLACED").then().statusCode(200)
                .body("price", equalTo(849.90f))
                .body("maxInstallments", equalTo(12));
    }

    /**
     * Two PUTs that both find the code new insert it at once and one of them hits the key: it answers 409 (the other
     * request created it first), never a 500; the product ends as one of the two bodies.
     */
    @Test
    void twoPutsCreatingTheSameProductAtOnceNeverFail() throws Exception {
        for (int round = 0; round < 10; round++) {
            String code = "T-RACE-" + round;
            var cheaper = new java.util.HashMap<>(galaxy());
            cheaper.put("price", "849.90");
            List<Response> answers = Race.together(() -> put(code, galaxy()), () -> put(code, cheaper));

            assertThat(answers).extracting(Response::statusCode).allMatch(s -> s == 200 || s == 409)
                    .contains(200);
            answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertThat(a.<String>path("detail"))
                    .startsWith("Another request"));
            assertThat(given().get("/api/products/{code}", code).then().statusCode(200).extract()
                    .<Float>path("price")).isIn(899.00f, 849.90f);
        }
    }

    @Test
    void ignoresUnknownFields() {
        var body = new java.util.HashMap<>(galaxy());
        body.put("colour", "black");
        put("T-PHONE-UNKNOWN-FIELD", body).then().statusCode(200);
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        Map<String, Object> bad = Map.of("name", " ", "kind", "DEVICE", "category", "SMARTPHONE",
                "price", "-1.005", "currency", "soles", "maxInstallments", 99);
        put("T-BAD-1", bad).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.telco.pe/validation"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("name", "price", "price", "currency", "maxInstallments"));
        given().get("/api/products/T-BAD-1").then().statusCode(404);
    }

    @Test
    void rejectsAServiceCategoryForADevice() {
        var body = new java.util.HashMap<>(galaxy());
        body.put("category", "TV");
        body.put("currency", "XYZ");
        put("T-BAD-2", body).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("category", "currency"))
                .body("errors.message", hasItem(startsWith("must be one of [SMARTPHONE, ROUTER]")));
        given().get("/api/products/T-BAD-2").then().statusCode(404);
    }

    @Test
    void rejectsFinancingWithoutInstalmentsAndFibreWithoutSpeed() {
        var phone = new java.util.HashMap<>(galaxy());
        phone.put("maxInstallments", 0);
        put("T-BAD-3", phone).then().statusCode(400).body("errors.field", contains("maxInstallments"));
        var fibre = new java.util.HashMap<>(fibre300());
        fibre.remove("downloadMbps");
        put("T-BAD-4", fibre).then().statusCode(400).body("errors.field", contains("downloadMbps"));
    }

    @Test
    void rejectsAnUnknownKindByName() {
        var body = new java.util.HashMap<>(galaxy());
        body.put("kind", "GADGET");
        put("T-BAD-5", body).then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void rejectsABadCodeInThePath() {
        put("bad code!", galaxy()).then().statusCode(400).body("errors.field", contains("code"));
        given().get("/api/products/x").then().statusCode(400).body("errors.field", contains("code"));
    }

    @Test
    void rejectsAMissingBody() {
        given().contentType(ContentType.JSON).put("/api/products/T-NO-BODY").then().statusCode(400)
                .body("errors.field", contains("body"));
    }

    @Test
    void answers404ForAnUnknownProduct() {
        given().get("/api/products/T-NOPE").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.telco.pe/not-found"));
    }

    @Test
    void listsTheCatalogueInPages() {
        put("T-LIST-A", galaxy()).then().statusCode(200);
        put("T-LIST-B", galaxy()).then().statusCode(200);
        given().queryParam("size", 1).get("/api/products").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
        given().queryParam("size", 201).get("/api/products").then().statusCode(400)
                .body("errors.field", contains("size"));
    }

    static Response put(String code, Object body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/products/{code}", code);
    }
}
