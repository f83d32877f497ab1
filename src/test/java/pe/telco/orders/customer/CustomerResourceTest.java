package pe.telco.orders.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @BeforeEach
    void catalogue() {
        CustomerFixture.product("T-CUST-FIBER", "FIBER_INTERNET");
        CustomerFixture.product("T-CUST-TV", "TV");
    }

    @Test
    void storesACustomerWithCurrentProductsAndReadsItBack() {
        put("DNI", "45871230", CustomerFixture.goodPayer()).then().statusCode(200)
                .body("documentType", equalTo("DNI"))
                .body("creditScore", equalTo(780))
                .body("overdueDebt", equalTo(0.00f))
                .body("currency", equalTo("PEN"));
        given().get("/api/customers/DNI/45871230").then().statusCode(200)
                .body("name", equalTo("Ana Torres"))
                .body("segment", equalTo("RESIDENTIAL"))
                .body("customerSince", equalTo("2019-05-01"))
                .body("products.productCode", contains("T-CUST-FIBER"))
                .body("products[0].address.postalCode", equalTo("15074"))
                .body("products[0].since", equalTo("2021-03-15"));
    }

    @Test
    void aSecondPutReplacesTheProductsWholesale() {
        put("DNI", "45871231", CustomerFixture.goodPayer()).then().statusCode(200);
        var body = new HashMap<>(CustomerFixture.goodPayer());
        body.put("products", List.of(CustomerFixture.current("T-CUST-TV", "Av. Larco 345", "15046")));
        body.put("creditScore", null);
        put("DNI", "45871231", body).then().statusCode(200);
        given().get("/api/customers/DNI/45871231").then().statusCode(200)
                .body("products.productCode", contains("T-CUST-TV"))
                .body("creditScore", nullValue());
        body.remove("products");
        put("DNI", "45871231", body).then().statusCode(200).body("products", empty());
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("creditScore", 1001);
        bad.put("overdueDebt", -5);
        bad.put("email", "not-an-email");
        bad.put("phone", "call me");
        bad.put("products", List.of(Map.of("productCode", "t cust", "address",
                Map.of("street", "", "city", "Lima", "postalCode", "150"))));
        put("DNI", "45871232", bad).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "segment", "creditScore", "overdueDebt",
                        "email", "phone", "products[0].productCode", "products[0].address.street",
                        "products[0].address.postalCode"));
        given().get("/api/customers/DNI/45871232").then().statusCode(404);
    }

    @Test
    void checksTheNumberAgainstTheDocumentTypeAndTheProductsAgainstTheCatalogue() {
        var body = new HashMap<>(CustomerFixture.goodPayer());
        body.put("customerSince", "2999-01-01");
        body.put("products", List.of(CustomerFixture.current("T-NOT-SOLD", "Av. Arequipa 1", "15074")));
        put("DNI", "4587123", body).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("documentNumber", "customerSince", "products[0].productCode"));
        put("RUC", "2010012345", CustomerFixture.goodPayer()).then().statusCode(400)
                .body("errors.field", contains("documentNumber"))
                .body("errors[0].message", equalTo("must be 11 digits for a RUC"));
        put("PASSPORT", "AB-123", CustomerFixture.goodPayer()).then().statusCode(400)
                .body("errors.field", contains("documentNumber"));
        put("LICENSE", "12345678", CustomerFixture.goodPayer()).then().statusCode(400)
                .body("errors.field", contains("documentType"));
        given().get("/api/customers/DNI/4587123").then().statusCode(400);
    }

    @Test
    void acceptsEachDocumentType() {
        put("CE", "ab1234567", CustomerFixture.goodPayer()).then().statusCode(200)
                .body("documentNumber", equalTo("AB1234567"));
        given().get("/api/customers/CE/AB1234567").then().statusCode(200);
        put("RUC", "20100123456", CustomerFixture.goodPayer()).then().statusCode(200);
        put("PASSPORT", "X123456", CustomerFixture.goodPayer()).then().statusCode(200);
    }

    @Test
    void answers404ForAnUnknownCustomer() {
        given().get("/api/customers/DNI/00000001").then().statusCode(404)
                .body("type", equalTo("https://problems.telco.pe/not-found"));
    }

    static io.restassured.response.Response put(String type, String number, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .put("/api/customers/{type}/{number}", type, number);
    }
}
