package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A hostile page on another origin, opened by a person signed in to the console, tries to change things in the
 * service through their browser (auto-submitted console forms, scripted API calls) or to show the console inside
 * its own page. Nothing changes and nothing shows.
 */
@QuarkusTest
class CrossSiteBrowserTest {

    private static ConsoleBrowser browser;
    private static HostileSite hostile;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowserAndHostileSite() {
        Shop.open();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
            hostile = new HostileSite();
        }
    }

    /** Should an activation get through, the other test classes still need version 1 active. */
    @AfterEach
    void versionOneActive() {
        LiveRules.restoreVersionOne();
    }

    @AfterAll
    static void stopBrowserAndHostileSite() {
        if (browser != null) {
            browser.close();
            browser = null;
            hostile.close();
            hostile = null;
        }
    }

    @Test
    void anAutoSubmittedFormFromAnotherSiteDoesNotApproveAHeldOrder() {
        long held = Shop.heldOrder();
        String page = hostile.page("/approve.html", autoSubmitted("/console/review/" + held,
                Map.of("decision", "approve", "comment", "pwned", "form-token", "guessed")));

        browser.as("raul.reviewer", "reviewer-secret").driver.get(page);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(service()));

        assertThat(state(held)).isEqualTo("pending");
        assertRefusedOrSignedOut();
    }

    @Test
    void aScriptedUploadFromAnotherSiteStoresNoRuleset() {
        int before = rulesetCount();
        String page = hostile.page("/upload.html", "<!DOCTYPE html><html><body><script>"
                + "var form = new FormData();"
                + "form.append('comment', 'harmless');"
                + "form.append('file', new Blob([" + jsString(rule()) + "], {type: 'application/octet-stream'}),"
                + " 'evil.drl');"
                + "fetch('" + service() + "/api/rulesets', {method: 'POST', body: form, mode: 'no-cors',"
                + " credentials: 'include'}).then(function () { document.title = 'sent'; },"
                + " function () { document.title = 'failed'; });"
                + "</script></body></html>");

        // a developer may upload DRL: were the request accepted, a ruleset would be stored
        browser.as("dario.dev", "developer-secret").driver.get(page);
        waitForTitle("sent", "failed");

        assertThat(browser.driver.getTitle()).as("the request left the browser").isEqualTo("sent");
        assertThat(rulesetCount()).isEqualTo(before);
    }

    @Test
    void aPageOnAnotherSiteCannotActivateARuleset() {
        int candidate = candidate();
        browser.as("rita.rules", "rules-secret");

        browser.driver.get(hostile.page("/activate-form.html", autoSubmitted(
                "/console/rules/" + candidate + "/activation", Map.of("comment", "pwned", "form-token", "guessed"))));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(service()));
        assertRefusedOrSignedOut();

        browser.as("rita.rules", "rules-secret").driver.get(hostile.page("/activate-fetch.html",
                scripted("/api/rulesets/" + candidate + "/activation", "{\"comment\": \"pwned\"}")));
        waitForTitle("done");

        assertThat(LiveRules.activeVersion()).isEqualTo(1);
        assertThat((String) given().get("/api/rulesets/" + candidate).then().statusCode(200).extract()
                .path("status")).isEqualToIgnoringCase("CANDIDATE");
    }

    @Test
    void aScriptOnAnotherSiteCannotCancelAnOrder() {
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15046"));

        browser.as("olga.ops", "ops-secret").driver.get(hostile.page("/cancel.html",
                scripted("/api/orders/" + order + "/cancellation", "{\"reason\": \"pwned\"}")));
        waitForTitle("done");

        assertThat(state(order)).isEqualTo("acknowledged");
    }

    @Test
    void aPageOnAnotherSiteShowsNothingOfTheConsoleInAFrame() {
        String page = hostile.page("/frame.html", "<!DOCTYPE html><html><body><h1>Win a phone</h1>"
                + "<iframe id='console' src='" + service() + "/console' width='800' height='600'></iframe>"
                + "<script>document.getElementById('console').addEventListener('load', function () {"
                + " document.title = 'framed'; });</script></body></html>");

        browser.as("aldo.auditor", "auditor-secret").driver.get(page);
        waitForTitle("framed");
        browser.driver.switchTo().frame("console");
        String inFrame = String.valueOf(browser.driver.executeScript(
                "return location.href + ' | ' + (document.body ? document.body.innerText : '')"));
        browser.driver.switchTo().defaultContent();

        assertThat(inFrame).doesNotContain("Consola de pedidos", "Iniciar sesión", "Contraseña")
                .doesNotStartWith(service());
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Win a phone");
    }

    /** The browser lands on the login page (no session cookie goes with another site's form) or on a refusal. */
    private static void assertRefusedOrSignedOut() {
        String shown = browser.driver.getPageSource();
        assertThat(shown).doesNotContain("review-done", "id=\"activated\"");
        assertThat(shown.contains("id=\"login-form\"") || shown.contains("id=\"error\"")).as(shown).isTrue();
    }

    private String autoSubmitted(String path, Map<String, String> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((name, value) -> inputs.append("<input name='").append(name).append("' value='").append(value)
                .append("'>"));
        return "<!DOCTYPE html><html><body><form id='f' method='post' action='" + service() + path + "'>" + inputs
                + "</form><script>document.getElementById('f').submit();</script></body></html>";
    }

    /** A page that POSTs JSON with the person's cookies by script, as a hostile page would. */
    private String scripted(String path, String json) {
        return "<!DOCTYPE html><html><body><script>"
                + "fetch('" + service() + path + "', {method: 'POST', credentials: 'include',"
                + " headers: {'Content-Type': 'application/json'}, body: " + jsString(json) + "})"
                + ".then(function () { document.title = 'done'; }, function () { document.title = 'done'; });"
                + "</script></body></html>";
    }

    private static void waitForTitle(String... titles) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> java.util.Arrays.asList(titles).contains(d.getTitle()));
    }

    private String service() {
        return base.toString().replaceAll("/$", "");
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static String rule() {
        return "package pe.telco.orders.rules;\nimport pe.telco.orders.evaluation.facts.*;\n"
                + "rule \"EVIL-001 Marks orders decided under this version " + UUID.randomUUID() + "\"\n"
                + "when\n    OrderFacts()\nthen\nend\n";
    }

    /** A candidate uploaded by a developer (not by the approver who will be signed in). */
    private static int candidate() {
        return given().auth().preemptive().basic("dario.dev", "developer-secret").multiPart("comment", "candidate")
                .multiPart("file", "candidate.drl", rule().getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
    }


    private static int rulesetCount() {
        return given().get("/api/rulesets").then().statusCode(200).extract().path("total");
    }

    private static String state(long order) {
        return given().get("/api/orders/" + order).then().statusCode(200).extract().path("state");
    }
}
