package pe.telco.orders.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StockResourceTest {

    @Inject
    StockService stock;

    @BeforeEach
    void referenceData() {
        location("T-WH-NORTE", "WAREHOUSE");
        location("T-ST-MEGA", "STORE");
        product("T-STOCK-PHONE");
        product("T-STOCK-EMPTY");
    }

    @Test
    void setsOnHandAndListsItByLocationWithTotals() {
        put("T-WH-NORTE", "T-STOCK-PHONE", 12).then().statusCode(200)
                .body("onHand", equalTo(12)).body("reserved", equalTo(0)).body("available", equalTo(12));
        put("T-ST-MEGA", "T-STOCK-PHONE", 3).then().statusCode(200);
        given().get("/api/stock/T-STOCK-PHONE").then().statusCode(200)
                .body("locations.locationCode", contains("T-ST-MEGA", "T-WH-NORTE"))
                .body("locations[0].locationKind", equalTo("STORE"))
                .body("onHand", equalTo(15))
                .body("available", equalTo(15));
    }

    @Test
    void availableIsOnHandMinusReservedAndAPutKeepsTheReservation() {
        put("T-WH-NORTE", "T-STOCK-PHONE", 10).then().statusCode(200);
        stock.reserve("T-WH-NORTE", "T-STOCK-PHONE", 4);
        put("T-WH-NORTE", "T-STOCK-PHONE", 7).then().statusCode(200)
                .body("onHand", equalTo(7)).body("reserved", equalTo(4)).body("available", equalTo(3));
        given().get("/api/stock/T-WH-NORTE/T-STOCK-PHONE").then().statusCode(200)
                .body("onHand", equalTo(7)).body("reserved", equalTo(4)).body("available", equalTo(3));
        stock.release("T-WH-NORTE", "T-STOCK-PHONE", 4);
    }

    @Test
    void onHandBelowReservedIsAConflictAndChangesNothing() {
        put("T-ST-MEGA", "T-STOCK-PHONE", 5).then().statusCode(200);
        stock.reserve("T-ST-MEGA", "T-STOCK-PHONE", 5);
        put("T-ST-MEGA", "T-STOCK-PHONE", 4).then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("onHand 5, reserved 5, available 0"));
        given().get("/api/stock/T-ST-MEGA/T-STOCK-PHONE").then()
                .body("onHand", equalTo(5)).body("available", equalTo(0));
        stock.release("T-ST-MEGA", "T-STOCK-PHONE", 5);
    }

    @Test
    void aProductHeldNowhereHasAnEmptyListAndANeverCountedPairReadsZero() {
        given().get("/api/stock/T-STOCK-EMPTY").then().statusCode(200)
                .body("locations", empty()).body("available", equalTo(0));
        given().get("/api/stock/T-WH-NORTE/T-STOCK-EMPTY").then().statusCode(200)
                .body("onHand", equalTo(0)).body("available", equalTo(0));
    }

    @Test
    void unknownLocationOrProductIs404WithAClearMessage() {
        put("T-WH-NOWHERE", "T-STOCK-PHONE", 1).then().statusCode(404)
                .body("detail", containsString("Location T-WH-NOWHERE does not exist"));
        put("T-WH-NORTE", "T-NO-SUCH-PRODUCT", 1).then().statusCode(404)
                .body("detail", containsString("Product T-NO-SUCH-PRODUCT does not exist"));
        given().get("/api/stock/T-NO-SUCH-PRODUCT").then().statusCode(404);
    }

    @Test
    void invalidQuantityOrCodesAre400AndStoreNothing() {
        put("T-WH-NORTE", "T-STOCK-EMPTY", -1).then().statusCode(400)
                .body("errors.field", contains("quantity"));
        given().contentType(ContentType.JSON).body(Map.of("quantity", "many"))
                .put("/api/stock/T-WH-NORTE/T-STOCK-EMPTY").then().statusCode(400)
                .body("errors.field", contains("quantity"));
        put("wh norte", "bad code", 1).then().statusCode(400)
                .body("errors.field", contains("locationCode", "productCode"));
        given().get("/api/stock/T-STOCK-EMPTY").then().body("locations", empty());
    }

    static void location(String code, String kind) {
        given().contentType(ContentType.JSON).body(Map.of("name", code, "kind", kind, "district", "Lima"))
                .put("/api/locations/{code}", code).then().statusCode(200);
    }

    static void product(String code) {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", code, "kind", "DEVICE", "category", "SMARTPHONE", "price", "100.00"))
                .put("/api/products/{code}", code).then().statusCode(200);
    }

    static io.restassured.response.Response put(String location, String product, int quantity) {
        return given().contentType(ContentType.JSON).body(Map.of("quantity", quantity))
                .put("/api/stock/{location}/{product}", location, product);
    }
}
