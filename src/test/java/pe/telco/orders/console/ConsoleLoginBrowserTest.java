package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import pe.telco.orders.support.Shop;

/**
 * A person at the console's login page in a real browser: Spanish or English, a wrong password, signing out, and a
 * console form whose token was removed or changed.
 */
@QuarkusTest
class ConsoleLoginBrowserTest {

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
    void theLoginPageSpeaksSpanishAndEnglish() {
        browser.signOutEverywhere().open("/console/review");

        assertThat(browser.driver.getCurrentUrl()).contains("/console/login");
        assertThat(browser.waitForText("h1", "Iniciar sesión")).isEqualTo("Iniciar sesión");
        assertThat(browser.find("#login-form").getText()).contains("Usuario", "Contraseña");
        browser.screenshot("login");
        browser.click("#lang-switch");
        assertThat(browser.waitForText("h1", "Sign in")).isEqualTo("Sign in");
        assertThat(browser.find("#login-form").getText()).contains("User", "Password");
        browser.open("/console/login?lang=es");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndOpensNoSession() {
        browser.signOutEverywhere().signIn("aldo.auditor", "not-the-password");

        assertThat(browser.waitForText("#login-error", "incorrectos")).contains("Usuario o contraseña incorrectos");
        assertThat(browser.driver.manage().getCookieNamed(ConsoleSession.COOKIE)).isNull();
        browser.open("/console/audit");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/login");
    }

    @Test
    void signingOutEndsTheSession() {
        browser.as("aldo.auditor", "auditor-secret").open("/console/audit");
        assertThat(browser.find("#user").getText()).isEqualTo("aldo.auditor");
        browser.click("#logout-button");

        browser.waitForText("#signed-out", "Sesión cerrada");
        assertThat(browser.driver.manage().getCookieNamed(ConsoleSession.COOKIE)).isNull();
        browser.open("/console/audit");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/login");
        browser.find("#login-form");
    }

    @Test
    void aReviewFormWithoutItsTokenOrWithAnotherIsRefusedAndChangesNothing() {
        long held = Shop.heldOrder();
        String form = "form[action='/console/review/" + held + "']";
        String removed = "t.remove()";
        String changed = "t.value = (t.value[0] === 'A' ? 'B' : 'A') + t.value.substring(1)";
        for (String tamper : new String[] {removed, changed}) {
            browser.as("raul.reviewer", "reviewer-secret").open("/console/review?page=" + lastPage());
            browser.find(form);
            browser.driver.executeScript("var f = document.querySelector(arguments[0]);"
                    + " var t = f.querySelector('input[name=form-token]'); " + tamper + ";"
                    + " f.querySelector('input[name=comment]').value = 'tampered';"
                    + " f.querySelector('button[value=approve]').click();", form);

            assertThat(browser.waitForText("#error-explained", "no se envió desde la consola")).isNotEmpty();
            assertThat(browser.find("#error").getAttribute("data-status")).isEqualTo("403");
            assertThat(state(held)).as(tamper).isEqualTo("pending");
        }
        assertThat(browser.driver.findElements(By.id("review-done"))).isEmpty();
    }

    private static int lastPage() {
        int pending = given().get("/api/approvals?size=1").then().statusCode(200).extract().path("total");
        return (pending - 1) / ReviewPages.PAGE;
    }

    private static String state(long order) {
        return given().get("/api/orders/" + order).then().statusCode(200).extract().path("state");
    }
}
