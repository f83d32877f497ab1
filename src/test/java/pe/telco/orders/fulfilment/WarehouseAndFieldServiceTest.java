package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warehouse (wendy.warehouse, bound to location F-WH in the test profile) lists and moves only its own
 * location's shipment orders; field service (fabio.field) lists work orders by date, postal code and state and
 * records their progress; operations keep everything.
 */
@QuarkusTest
class WarehouseAndFieldServiceTest {

    private static final String OTHER_WAREHOUSE = "F-WH-OTHER";
    private static final String OTHER_PHONE = "F-PHONE-OTHER";

    @BeforeEach
    void open() {
        Fulfil.open();
        Fulfil.put("/api/products/" + OTHER_PHONE, "{\"name\":\"Moto G F2\",\"kind\":\"DEVICE\",\"category\":"
                + "\"SMARTPHONE\",\"price\":1199.00,\"currency\":\"PEN\",\"financeable\":true,\"maxInstallments\":24,"
                + "\"contractMonths\":0}");
        Fulfil.put("/api/locations/" + OTHER_WAREHOUSE, "{\"name\":\"Almacén F2\",\"kind\":\"WAREHOUSE\","
                + "\"district\":\"Ate\"}");
        Fulfil.put("/api/stock/" + OTHER_WAREHOUSE + "/" + OTHER_PHONE, "{\"quantity\":1000}");
    }

    private static RequestSpecification wendy() {
        return given().auth().preemptive().basic("wendy.warehouse", "warehouse-secret");
    }

    private static RequestSpecification fabio() {
        return given().auth().preemptive().basic("fabio.field", "field-secret");
    }

    @Test
    void aWarehouseSeesAndMovesOnlyItsOwnLocationsShipments() {
        long mine = Fulfil.decided(Fulfil.order(Fulfil.goodPayer(), Fulfil.home(), Fulfil.PHONE, 1, 0), "RELEASED");
        long theirs = Fulfil.decided(Fulfil.order(Fulfil.goodPayer(), Fulfil.home(), OTHER_PHONE, 1, 0), "RELEASED");
        long mineShipment = Fulfil.shipmentId(mine);
        long theirShipment = Fulfil.shipmentId(theirs);

        JsonPath listed = wendy().queryParam("state", "PREPARED").queryParam("size", 200)
                .queryParam("location", OTHER_WAREHOUSE) // ignored: a warehouse sees its own location only
                .get("/api/shipments").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.locationCode", String.class)).containsOnly(Fulfil.WAREHOUSE);
        assertThat(listed.getList("items.id", Long.class)).contains(mineShipment).doesNotContain(theirShipment);
        assertThat(listed.getList("items.state", String.class)).containsOnly("PREPARED");

        wendy().contentType(ContentType.JSON).body(Map.of()).post("/api/shipments/" + theirShipment + "/dispatch")
                .then().statusCode(404);
        assertThat(Fulfil.shipments(theirs).getString("[0].state")).isEqualTo("PREPARED");
        wendy().contentType(ContentType.JSON).body(Map.of()).post("/api/shipments/" + mineShipment + "/dispatch")
                .then().statusCode(200);
        given().get("/api/orders/" + mine + "/history").then()
                .body("actor", hasItem("wendy.warehouse")).body("milestone", hasItem("shipment-dispatch"));

        JsonPath ops = given().auth().preemptive().basic("olga.ops", "ops-secret")
                .queryParam("location", OTHER_WAREHOUSE).queryParam("size", 200).get("/api/shipments").then()
                .statusCode(200).extract().jsonPath();
        assertThat(ops.getList("items.id", Long.class)).contains(theirShipment).doesNotContain(mineShipment);
        wendy().queryParam("state", "NOT_A_STATE").queryParam("page", -1).get("/api/shipments").then()
                .statusCode(400).body("errors.field", hasItem("state")).body("errors.field", hasItem("page"));
    }

    @Test
    void fieldServiceListsWorkOrdersByDatePostalCodeAndStateAndRecordsProgress() {
        long id = Fulfil.decided(Fulfil.order(Fulfil.goodPayer(), Fulfil.home(), Fulfil.FIBRE, 1, 0), "RELEASED");
        JsonPath work = Fulfil.workOrders(id);
        long workId = work.getLong("[0].id");
        String date = work.getString("[0].appointmentOn");

        JsonPath listed = fabio().queryParam("date", date).queryParam("postalCode", Fulfil.POSTAL)
                .queryParam("state", "SCHEDULED").queryParam("size", 200).get("/api/work-orders").then()
                .statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.id", Long.class)).contains(workId);
        assertThat(listed.getList("items.appointmentOn", String.class)).containsOnly(date);
        assertThat(listed.getList("items.address.postalCode", String.class)).containsOnly(Fulfil.POSTAL);
        List<Long> elsewhere = fabio().queryParam("postalCode", "15001").queryParam("size", 200)
                .get("/api/work-orders").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertThat(elsewhere).doesNotContain(workId);

        fabio().contentType(ContentType.JSON).body(Map.of()).post("/api/work-orders/" + workId + "/start").then()
                .statusCode(200);
        fabio().contentType(ContentType.JSON).body(Map.of("technician", "Tec. Luis Ramos", "lineOrEquipmentId",
                "ONT-1")).post("/api/work-orders/" + workId + "/completion").then().statusCode(200);
        assertThat(Fulfil.state(id)).isEqualTo("completed");
        fabio().queryParam("date", "30-11-2026").queryParam("postalCode", "1500").get("/api/work-orders").then()
                .statusCode(400).body("errors.field", hasItem("date")).body("errors.field", hasItem("postalCode"));
        fabio().get("/api/shipments").then().statusCode(403);
        wendy().get("/api/work-orders").then().statusCode(403);
    }
}
