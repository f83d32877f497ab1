package pe.telco.orders.customer;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Customers and catalogue entries the customer tests start from. */
final class CustomerFixture {

    private CustomerFixture() {
    }

    static Map<String, Object> goodPayer() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Ana Torres");
        body.put("segment", "RESIDENTIAL");
        body.put("customerSince", "2019-05-01");
        body.put("creditScore", 780);
        body.put("overdueDebt", "0.00");
        body.put("email", "ana@example.com");
        body.put("phone", "+51 999 888 777");
        Map<String, Object> fibre = new HashMap<>(current("T-CUST-FIBER", "Av. Arequipa 1234", "15074"));
        fibre.put("since", "2021-03-15");
        body.put("products", List.of(fibre));
        return body;
    }

    static Map<String, Object> current(String productCode, String street, String postalCode) {
        return Map.of("productCode", productCode,
                "address", Map.of("street", street, "city", "Lima", "postalCode", postalCode));
    }

    static void product(String code, String category) {
        Map<String, Object> body = new HashMap<>(Map.of("name", code, "kind", "SERVICE", "category", category,
                "price", "0.00", "monthlyFee", "99.00"));
        if (category.endsWith("_INTERNET")) {
            body.put("downloadMbps", 300);
        }
        given().contentType(ContentType.JSON).body(body).put("/api/products/{code}", code).then().statusCode(200);
    }
}
