package pe.telco.orders.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.terms.TermsService;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    TermsService terms;

    @BeforeEach
    void loadTwiceToShowItIsRepeatable() {
        demoData.load();
        demoData.load();
    }

    @Test
    void theCatalogueHasFinanceablePhonesAndFibrePlans() {
        given().get("/api/products/PHONE-A15-128").then().statusCode(200)
                .body("price", equalTo(899.00f)).body("maxInstallments", equalTo(24));
        given().get("/api/products/PHONE-IP15-128").then().body("price", equalTo(4299.00f))
                .body("maxInstallments", equalTo(36));
        given().get("/api/products/FIBER-300").then().body("monthlyFee", equalTo(109.00f))
                .body("downloadMbps", equalTo(300)).body("contractMonths", equalTo(12));
    }

    @Test
    void villaElSalvadorHasNoFibreAndPuntaHermosaOnlyLte() {
        given().get("/api/coverage/15311").then()
                .body("technologies.technology", everyItem(not(equalTo("FTTH"))));
        given().get("/api/coverage/15841").then().body("technologies.technology", contains("LTE"));
    }

    @Test
    void theIphoneIsOutOfStockEverywhere() {
        given().get("/api/stock/PHONE-IP15-128").then().statusCode(200)
                .body("locations.size()", equalTo(4)).body("available", equalTo(0));
        given().get("/api/stock/PHONE-A15-128").then().body("available", equalTo(225));
    }

    @Test
    void anaTorresHasFibreAtHomeAndTermsHaveTwoVersions() {
        given().get("/api/customers/DNI/45871236").then().statusCode(200)
                .body("creditScore", equalTo(780))
                .body("products[0].productCode", equalTo("FIBER-300"))
                .body("products[0].address.postalCode", equalTo("15074"));
        given().get("/api/customers/DNI/72345618").then().body("overdueDebt", equalTo(850.00f));
        given().get("/api/customers/RUC/20512345678").then().body("segment", equalTo("BUSINESS"));
        assertThat(terms.currentVersion(LocalDate.of(2025, 12, 31))).contains("2025-07");
        assertThat(terms.currentVersion(LocalDate.of(2026, 1, 1))).contains("2026-01");
    }
}
