package pe.telco.orders.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.customer.CustomerProfile;
import pe.telco.orders.customer.CustomerService;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.stock.StockLevel;
import pe.telco.orders.stock.StockService;
import pe.telco.orders.support.Shop;

/**
 * A dry run reads the customer and the stock in one statement of its own; a stored order's evaluation reads them
 * through the entities in its transaction. Both must see the same values, or a dry run would answer what a real
 * order would not get.
 */
@QuarkusTest
class DraftReadsTest {

    @Inject
    DraftReads reads;

    @Inject
    CustomerService customers;

    @Inject
    StockService stock;

    @BeforeEach
    void shop() {
        Shop.open();
    }

    @Test
    void readsTheCustomerAndStockAsTheEntitiesHoldThem() {
        String dni = Shop.newDni();
        given().contentType(ContentType.JSON).body(Map.of("name", "Rosa Prueba", "segment", "BUSINESS",
                "customerSince", "2018-02-11", "creditScore", 615, "overdueDebt", "1234.50",
                "products", List.of(owned("T-FIBER-300", "Av. Arequipa 1234", "15074"),
                        owned("T-PHONE-A15", "Jr. Puno 100", "15001"))))
                .put("/api/customers/DNI/" + dni).then().statusCode(200);
        Set<String> devices = Set.of("T-PHONE-A15", "T-PHONE-NOSTOCK", "T-NO-SUCH-PRODUCT");

        DraftReads.Fresh fresh = reads.read(DocumentType.DNI, dni, devices);

        CustomerProfile read = fresh.customer().orElseThrow();
        assertThat(read).isEqualTo(viaEntities(dni));
        assertThat(read.overdueDebt()).isEqualTo(new BigDecimal("1234.50")); // the scale too: equals compares it
        assertThat(read.products()).extracting(CustomerProfile.Owned::productCode)
                .containsExactly("T-FIBER-300", "T-PHONE-A15");
        assertThat(fresh.stock()).isEqualTo(stock.levelsOf(devices)).extracting(StockLevel::productCode)
                .contains("T-PHONE-A15", "T-PHONE-NOSTOCK").doesNotContain("T-NO-SUCH-PRODUCT");
    }

    @Test
    void anUnknownCustomerAndAnOrderWithoutDevicesReadNothing() {
        DraftReads.Fresh fresh = reads.read(DocumentType.DNI, Shop.newDni(), Set.of());

        assertThat(fresh.customer()).isEmpty();
        assertThat(fresh.stock()).isEmpty();
    }

    @Test
    void aDocumentNumberIsAValueNotSql() {
        DraftReads.Fresh fresh = reads.read(DocumentType.DNI, "1' or '1'='1", Set.of("x') or true --"));

        assertThat(fresh.customer()).isEmpty();
        assertThat(fresh.stock()).isEmpty();
    }

    @Test
    void aDryRunDecidesAsTheStoredEvaluationOfTheSameBody() {
        for (Map<String, Object> body : List.of(
                Shop.fibreOrder(Shop.GOOD_PAYER, "15074"),               // has fibre there already: compatibility
                Shop.fibreOrder(Shop.GOOD_PAYER, "15311"),               // no fibre at the address
                Shop.phoneOrder(Shop.IN_DEBT, "T-PHONE-A15", 12),        // overdue debt
                Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12),     // borderline score: held
                Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-NOSTOCK", 12), // no stock anywhere
                Shop.phoneOrder(Shop.newDni(), "T-PHONE-A15", 12))) {     // unknown customer
            JsonPath dry = given().contentType(ContentType.JSON).body(body).post("/api/evaluations").then()
                    .statusCode(200).extract().jsonPath();
            Map<String, Object> stored = new HashMap<>(body);
            stored.put("externalId", body.get("externalId") + "-S");
            JsonPath real = given().post("/api/orders/" + Shop.createOrder(stored) + "/evaluation").then()
                    .statusCode(200).extract().jsonPath();

            String what = body.toString();
            assertThat(dry.getString("decision")).as(what).isEqualTo(real.getString("decision"));
            assertThat(dry.getList("reasons")).as(what).isEqualTo(real.getList("reasons"));
            assertThat(dry.getList("checks")).as(what).isEqualTo(real.getList("checks"));
            assertThat(dry.getList("firedRules.rule")).as(what).isEqualTo(real.getList("firedRules.rule"));
        }
    }

    @Transactional
    CustomerProfile viaEntities(String dni) {
        return CustomerProfile.of(customers.get(DocumentType.DNI, dni));
    }

    private static Map<String, Object> owned(String productCode, String street, String postalCode) {
        return Map.of("productCode", productCode,
                "address", Map.of("street", street, "city", "Lima", "postalCode", postalCode));
    }
}
