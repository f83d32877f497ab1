package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import pe.telco.orders.support.Shop;

/**
 * The warehouse and field service in a real browser: wendy.warehouse dispatches and delivers a shipment in Spanish,
 * fabio.field starts and completes a work order in English, each through the rows' forms.
 */
@QuarkusTest
class WorkListsBrowserTest {

    private static ConsoleBrowser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowser() {
        Shop.open();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theWarehouseDispatchesAndDeliversAShipmentInSpanish() {
        long order = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, Shop.WAREHOUSE_PHONE, 0));
        long id = given().get("/api/orders/" + order + "/shipments").then().statusCode(200).extract().jsonPath()
                .getLong("[0].id");
        String row = "#shipment-" + id;

        browser.as("wendy.warehouse", "warehouse-secret", "/console/shipments");
        pageWith("/console/shipments", row);
        assertThat(browser.find(row).getText()).contains("Preparado", "Envío a domicilio");
        browser.screenshot("shipments");
        browser.click(row + "-dispatch button");
        assertThat(browser.waitForText("#action-done", "despachado")).isEqualTo("Envío " + id + " despachado.");

        pageWith(browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", ""), row);
        assertThat(browser.find(row).getText()).contains("Despachado");
        browser.click(row + "-delivery summary");
        browser.type(row + "-delivery input[name=recipientName]", "Rosa Quispe");
        browser.type(row + "-delivery input[name=signatureReference]", "FIRMA-2201");
        browser.click(row + "-delivery button");
        assertThat(browser.waitForText("#action-done", "entregado")).startsWith("Envío " + id + " entregado");

        given().get("/api/orders/" + order + "/shipments").then().statusCode(200)
                .body("[0].state", org.hamcrest.Matchers.equalTo("DELIVERED"))
                .body("[0].recipientName", org.hamcrest.Matchers.equalTo("Rosa Quispe"));
    }

    @Test
    void fieldServiceStartsAndCompletesAWorkOrderInEnglish() {
        long order = Shop.releasedOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        var work = given().get("/api/orders/" + order + "/work-orders").then().statusCode(200).extract().jsonPath();
        long id = work.getLong("[0].id");
        String row = "#work-order-" + id;

        browser.as("fabio.field", "field-secret", "/console/work-orders");
        browser.click("#lang-switch");
        browser.waitForText("h1", "Work orders");
        browser.type("#filter-postal-code", "15046");
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#filter-date"),
                work.getString("[0].appointmentOn"));
        browser.click("#work-order-filters button");
        // the filtered list is a new page: read its address once it has loaded, not the one being left
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("postalCode=15046"));
        pageWith(browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", ""), row);
        assertThat(browser.find(row).getText()).contains("Scheduled", "Installation");
        browser.screenshot("work-orders");

        browser.click(row + "-start button");
        assertThat(browser.waitForText("#action-done", "started")).isEqualTo("Work order " + id + " started.");
        pageWith(browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", ""), row);
        browser.click(row + "-completion summary");
        browser.type(row + "-completion input[name=technician]", "Tec. Luis Ramos");
        browser.type(row + "-completion input[name=lineOrEquipmentId]", "ONT-5521");
        browser.click(row + "-completion button");
        assertThat(browser.waitForText("#action-done", "completed")).isEqualTo("Work order " + id + " completed.");

        given().get("/api/orders/" + order).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("completed"));
    }

    /** Opens the list and follows its "next" links until the row is on the page. */
    private static void pageWith(String path, String row) {
        browser.open(path);
        browser.find("h1");
        for (int pages = 0; pages < 200; pages++) {
            if (!browser.driver.findElements(By.cssSelector(row)).isEmpty()) {
                return;
            }
            var next = browser.driver.findElements(By.cssSelector("#page-next"));
            if (next.isEmpty()) {
                break;
            }
            browser.open(next.get(0).getAttribute("href").replaceAll("^https?://[^/]+", ""));
            browser.find("h1");
        }
        throw new AssertionError(row + " is on no page of " + path);
    }
}
