package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A rule author in a real browser asks "what if" of a held order: the frozen facts open in the form, a lower credit
 * score rejects it as the credit table says, and a score that is not a number is marked beside its field, in Spanish
 * and in English.
 */
@QuarkusTest
class WhatIfBrowserTest {

    private static ConsoleBrowser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowser() {
        Shop.open();
        LiveRules.restoreVersionOne();
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
    void enEspañolUnPuntajeMasBajoRechazaElPedidoRetenido() {
        long evaluation = heldEvaluation("Rosa Qué Pasaría");
        browser.as("ana.analyst", "analyst-secret").open("/console/what-if?evaluation=" + evaluation + "&lang=es");
        assertThat(browser.find("#what-if-intro").getText()).contains("evaluación " + evaluation, "Retenido");
        assertThat(browser.find("#facts-customer-creditScore").getAttribute("value")).isEqualTo("560");

        browser.type("#facts-customer-creditScore", "seiscientos");
        browser.click("#run-button");
        assertThat(browser.waitForText("#error-facts-customer-creditScore", "no es un número entero"))
                .contains("seiscientos");
        assertThat(browser.find("#what-if-invalid").getText()).contains("Revisa los campos marcados");

        browser.type("#facts-customer-creditScore", "420");
        new Select(browser.find("#version-a")).selectByValue("1");
        browser.click("#run-button");
        assertThat(browser.waitForText("#decision-1", "Rechazado")).isEqualTo("Rechazado");
        assertThat(browser.find("#reasons-1").getText()).contains("LOW_CREDIT_SCORE");
        assertThat(browser.find("#why-1").getText()).contains("CREDIT-030", "se aplicó");
        assertThat(browser.find("#what-if-result").getText()).contains("Nada de esto se guardó");
        browser.screenshot("what-if");
        given().get("/api/audit/evaluations/" + evaluation).then().statusCode(200);
    }

    @Test
    void inEnglishAnOutOfRangeScoreIsMarkedAndAHigherOneLeavesCreditToPass() {
        long evaluation = heldEvaluation("Paul What If");
        browser.as("aldo.auditor", "auditor-secret").open("/console/what-if?evaluation=" + evaluation + "&lang=en");
        assertThat(browser.waitForText("h1", "What if")).contains("What if");

        browser.type("#facts-customer-creditScore", "5000");
        browser.click("#run-button");
        assertThat(browser.waitForText("#error-facts-customer-creditScore", "between 0 and 1000"))
                .contains("whole number");

        browser.type("#facts-customer-creditScore", "abc");
        browser.click("#run-button");
        assertThat(browser.waitForText("#error-facts-customer-creditScore", "is not a whole number")).contains("abc");

        browser.type("#facts-customer-creditScore", "300");
        browser.click("#run-button");
        assertThat(browser.waitForText("#decision-1", "Rejected")).isEqualTo("Rejected");
        assertThat(browser.find("#why-1").getText()).contains("CREDIT-030", "fired");
    }

    @Test
    void aBlankOrderStartsFromNothing() {
        browser.as("rita.rules", "rules-secret").open("/console/what-if?lang=en");
        assertThat(browser.find("#what-if-intro").getText()).contains("blank order");
        browser.type("#facts-items-0-productCode", "T-FIBER-300");
        browser.type("#facts-items-0-quantity", "1");
        browser.type("#facts-order-postalCode", "15311");
        browser.click("#run-button");
        assertThat(browser.waitForText("#decision-1", "Rejected")).isEqualTo("Rejected");
        assertThat(browser.find("#reasons-1").getText()).contains("NO_FIBRE_AT_ADDRESS");
    }

    private static long heldEvaluation(String name) {
        long order = Shop.heldOrder(name);
        return given().get("/api/orders/" + order + "/evaluation").then().statusCode(200).extract().jsonPath()
                .getLong("evaluationId");
    }
}
