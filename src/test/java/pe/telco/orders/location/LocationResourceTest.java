package pe.telco.orders.location;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocationResourceTest {

    @Test
    void storesALocationAndReadsItBack() {
        put("T-ST-JOCKEY", Map.of("name", "Tienda Jockey Plaza", "kind", "STORE", "district", "Santiago de Surco"))
                .then().statusCode(200).body("kind", equalTo("STORE"));
        put("T-ST-JOCKEY", Map.of("name", "Tienda Jockey Plaza 2", "kind", "STORE", "district", "Surco"))
                .then().statusCode(200);
        given().get("/api/locations/T-ST-JOCKEY").then().statusCode(200)
                .body("name", equalTo("Tienda Jockey Plaza 2"))
                .body("district", equalTo("Surco"));
        given().queryParam("size", 200).get("/api/locations").then().statusCode(200)
                .body("items.code", hasItem("T-ST-JOCKEY"));
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        put("T-BAD-LOC", Map.of("name", "", "kind", "SHOP")).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        put("T-BAD-LOC", Map.of("name", "")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "kind", "district"));
        put("t bad", Map.of("name", "x", "kind", "STORE", "district", "Lima")).then().statusCode(400)
                .body("errors.field", contains("code"));
        given().get("/api/locations/T-BAD-LOC").then().statusCode(404);
    }

    static io.restassured.response.Response put(String code, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/locations/{code}", code);
    }
}
