package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import pe.telco.orders.order.Shop;

/**
 * A hostile page on another origin, opened by a person whose browser holds their credentials, tries to change
 * things in the service: an auto-submitted console form and a multipart upload by script. Nothing changes.
 */
@QuarkusTest
class CrossSiteBrowserTest {

    private static ConsoleBrowser browser;
    private static HttpServer hostile;
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowserAndHostileSite() throws IOException {
        Shop.open();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
        }
        if (hostile == null) {
            hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            hostile.createContext("/", exchange -> {
                byte[] page = PAGES.getOrDefault(exchange.getRequestURI().getPath(), "")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            hostile.start();
        }
    }

    @AfterAll
    static void stopBrowserAndHostileSite() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (hostile != null) {
            hostile.stop(0);
            hostile = null;
        }
    }

    @Test
    void anAutoSubmittedFormFromAnotherSiteDoesNotApproveAHeldOrder() {
        long held = heldOrder();
        PAGES.put("/approve.html", "<!DOCTYPE html><html><body>"
                + "<form id='f' method='post' action='" + service() + "/console/review/" + held + "'>"
                + "<input name='decision' value='approve'><input name='comment' value='pwned'></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>");

        browser.as("raul.reviewer", "reviewer-secret").driver.get(hostileUrl("/approve.html"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(service()));

        assertThat(state(held)).isEqualTo("pending");
        assertThat(browser.driver.getPageSource()).contains("sent from the console itself");
    }

    @Test
    void aScriptedUploadFromAnotherSiteStoresNoRuleset() {
        int before = rulesetCount();
        PAGES.put("/upload.html", "<!DOCTYPE html><html><body><script>"
                + "var rule = 'package pe.telco.orders.rules;\\nrule \"EVIL-001 Releases everything\"\\nwhen\\nthen\\nend\\n';"
                + "var form = new FormData();"
                + "form.append('comment', 'harmless');"
                + "form.append('file', new Blob([rule], {type: 'application/octet-stream'}), 'evil.drl');"
                + "fetch('" + service() + "/api/rulesets', {method: 'POST', body: form, mode: 'no-cors',"
                + " credentials: 'include'}).then(function () { document.title = 'sent'; },"
                + " function () { document.title = 'failed'; });"
                + "</script></body></html>");

        browser.as("ana.analyst", "analyst-secret").driver.get(hostileUrl("/upload.html"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> "sent".equals(d.getTitle()) || "failed".equals(d.getTitle()));

        assertThat(browser.driver.getTitle()).as("the request left the browser").isEqualTo("sent");
        assertThat(rulesetCount()).isEqualTo(before);
    }

    private String service() {
        return base.toString().replaceAll("/$", "");
    }

    private static String hostileUrl(String path) {
        return "http://127.0.0.1:" + hostile.getAddress().getPort() + path;
    }

    private static int rulesetCount() {
        return given().get("/api/rulesets").then().statusCode(200).extract().path("total");
    }

    private static String state(long order) {
        return given().get("/api/orders/" + order).then().statusCode(200).extract().path("state");
    }

    /** A borderline customer's financed phone, held for a person. */
    private static long heldOrder() {
        Map<String, Object> order = new HashMap<>(Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12));
        long id = ((Number) given().auth().preemptive().basic("app", "app-secret").contentType(ContentType.JSON)
                .body(order).post("/api/orders").then().statusCode(201).extract().path("id")).longValue();
        given().auth().preemptive().basic("app", "app-secret").post("/api/orders/" + id + "/evaluation")
                .then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo("HELD"));
        return id;
    }
}
