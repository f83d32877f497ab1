package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/**
 * A reviewer and an auditor in a real browser: a held order is approved from the queue; its evaluation opens with
 * its reasons, explanation and seal, replays identically; the search exports CSV.
 */
@QuarkusTest
class ReviewAndAuditBrowserTest {

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
    void aReviewerApprovesAHeldOrderFromTheQueue() {
        String orderNumber = heldOrder("Rosa Browser " + UUID.randomUUID().toString().substring(0, 6));
        // oldest first: the newest order is on the last page of the queue, whatever other tests left pending
        int pending = given().get("/api/approvals?size=1").then().statusCode(200).extract().path("total");
        browser.as("raul.reviewer", "reviewer-secret").open("/console/review?page=" + (pending - 1) / ReviewPages.PAGE);
        String held = "#held-" + orderNumber;
        assertThat(browser.find(held).getText()).contains("BORDERLINE_CREDIT");
        browser.screenshot("review");
        browser.type(held + " input[name=comment]", "Ingresos verificados por teléfono");
        browser.click(held + " button[value=approve]");

        assertThat(browser.waitForText("#review-done", orderNumber)).contains("en curso");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(held))).isEmpty();
    }

    @Test
    void anAuditorOpensAnEvaluationItsExplanationAndReplaysIt() {
        String orderNumber = heldOrder("Luis Auditoría");
        browser.as("aldo.auditor", "auditor-secret").open("/console/audit?orderNumber=" + orderNumber);
        browser.screenshot("audit-search");
        browser.click("#evaluations tbody a");

        assertThat(browser.waitForText("#decision", "Retenido")).isEqualTo("Retenido");
        assertThat(browser.find("#reasons").getText()).contains("BORDERLINE_CREDIT");
        assertThat(browser.find("#explanation").getText()).contains("CREDIT", "Por qué:");
        assertThat(browser.find("#fired").getText()).contains("CREDIT-");
        browser.click("#replay-button");
        assertThat(browser.waitForText("#replay-result", "idéntica")).contains("Retenido");
        browser.screenshot("evaluation");
    }

    @Test
    void theSearchExportsTheSameRowsAsCsv() {
        heldOrder("Marta CSV");
        browser.as("aldo.auditor", "auditor-secret").open("/console/audit?decision=HELD&channel=APP");
        String link = browser.find("#csv-link").getAttribute("href");
        assertThat(link).contains("/api/audit/evaluations/export?").contains("decision=HELD").contains("channel=APP");

        Object answer = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
                + " done(r.status + '|' + r.headers.get('content-type') + '|' + t.split('\\n')[0].trim()); }); })"
                + ".catch(function (e) { done('error|' + e); });", link);
        assertThat(String.valueOf(answer)).startsWith("200|text/csv").endsWith("|evaluationId,orderId,orderNumber,"
                + "channel,customerDocument,decision,rulesetVersion,evaluatedAt,durationMicros,actor,reasons");
    }

    @Test
    void theOverviewShowsTheActiveRulesAndTheDecisions() {
        heldOrder("Pedro Resumen");
        browser.as("aldo.auditor", "auditor-secret").open("/console");
        assertThat(browser.find("#active-ruleset").getText()).contains("Versión");
        assertThat(browser.find("#by-decision").getText()).contains("Retenido");
        assertThat(browser.find("#per-day").findElements(org.openqa.selenium.By.tagName("rect"))).isNotEmpty();
        browser.screenshot("overview");
        browser.open("/console?lang=en");
        assertThat(browser.waitForText("h1", "Overview")).isEqualTo("Overview");
        browser.open("/console?lang=es");
        browser.waitForText("h1", "Resumen");
    }

    /** A borderline customer's financed phone, held for a person, with this name; answers its order number. */
    private static String heldOrder(String name) {
        return given().get("/api/orders/" + Shop.heldOrder(name)).then().statusCode(200).extract().path("orderNumber");
    }
}
