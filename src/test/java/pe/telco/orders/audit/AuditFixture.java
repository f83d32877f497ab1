package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import pe.telco.orders.support.Shop;

/** Evaluated orders of one new customer, through the channels' API: released, rejected and held. */
final class AuditFixture {

    final String dni = Shop.newDni();
    final String document = "DNI:" + dni;
    long released;
    long rejected;
    long held;

    static AuditFixture threeDecisions() {
        Shop.open();
        AuditFixture f = new AuditFixture();
        f.released = f.evaluated(Shop.fibreOrder(f.dni, "15046"));
        f.rejected = f.evaluated(Shop.fibreOrder(f.dni, "15311"));
        f.held = f.evaluated(Shop.phoneOrder(f.dni, "T-PHONE-A15", 12));
        return f;
    }

    List<Long> orders() {
        return List.of(released, rejected, held);
    }

    /** Creates and evaluates an order; returns the order id. */
    long evaluated(Map<String, Object> body) {
        long id = Shop.createOrder(body);
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200);
        return id;
    }

    static long evaluationOf(long orderId) {
        return ((Number) given().get("/api/orders/" + orderId + "/evaluation").then().statusCode(200).extract()
                .path("evaluationId")).longValue();
    }
}
