package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.access.TesterCredentials;
import pe.telco.orders.support.Shop;

/** The console's pages over plain HTTP: roles, language, escaping of what users typed, same-origin forms. */
@QuarkusTest
class ConsolePagesTest {

    private ConsoleSession tester;

    @BeforeEach
    void shopIsOpenAndTesterSignedIn() {
        Shop.open();
        tester = ConsoleSession.signIn(TesterCredentials.USER, TesterCredentials.PASSWORD);
    }

    @Test
    void overviewIsSpanishByDefaultAndEnglishOnRequest() {
        tester.given().get("/console").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("Resumen"), containsString("Reglas activas"));
        tester.given().header("Accept-Language", "en-GB,en;q=0.9").get("/console").then().statusCode(200)
                .body(containsString("Active rules"));
        tester.given().get("/console?lang=en").then().statusCode(200)
                .header("Set-Cookie", containsString("console-lang=en")).body(containsString("Decisions per day"));
        tester.given().cookie("console-lang", "en").get("/console/rules").then().statusCode(200)
                .body(containsString("Upload a new version"));
    }

    @Test
    void pagesNeedTheRolesOfTheApi() {
        ConsoleSession.signIn("web", "web-secret").given().get("/console").then().statusCode(403);
        ConsoleSession.signIn("ana.analyst", "analyst-secret").given().get("/console/audit").then().statusCode(403);
        ConsoleSession.signIn("aldo.auditor", "auditor-secret").given().get("/console/audit").then()
                .statusCode(200).body(containsString("/api/audit/evaluations/export"));
        ConsoleSession.signIn("raul.reviewer", "reviewer-secret").given().get("/console/review").then()
                .statusCode(200);
    }

    @Test
    void aHostileCustomerNameIsShownAsText() {
        Shop.heldOrder("<script>alert('x')</script> Carlos");

        String page = ConsoleSession.signIn("raul.reviewer", "reviewer-secret").given().get("/console/review")
                .then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void anImpactPreviewPageShowsItsJobAndItsProgress() {
        String location = tester.given().formParam("version", "1").formParam("last", "5")
                .formParam("form-token", tester.formToken("/console/rules/1")).post("/console/impact")
                .then().statusCode(303).extract().header("Location");
        String page = tester.given().get(location).then().statusCode(200).extract().asString();
        assertThat(page).contains("impact-progress");
        tester.given().get(location + "/progress").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        ConsoleSession reviewer = ConsoleSession.signIn("raul.reviewer", "reviewer-secret");
        String token = reviewer.formToken("/console/review");
        reviewer.given().header("Origin", "https://evil.example").formParam("form-token", token)
                .formParam("decision", "approve").formParam("comment", "x").post("/console/review/1").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("sent from the console itself"));
        reviewer.given().header("Origin", "https://evil.example").formParam("form-token", token)
                .accept("text/html").formParam("decision", "approve").formParam("comment", "x")
                .post("/console/review/1").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("sent from the console itself"));
    }

    @Test
    void errorsAreConsolePagesForABrowserAndProblemJsonForScripts() {
        tester.given().accept("text/html,application/xhtml+xml").header("Accept-Language", "en")
                .get("/console/rules/98765")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<h1>Not found</h1>"), containsString("98765"),
                        containsString("href=\"/console\""));
        tester.given().accept("text/html").get("/console/rules/98765").then().statusCode(404)
                .body(containsString("No se encontró"));
        ConsoleSession.signIn("ana.analyst", "analyst-secret").given().accept("text/html").get("/console/audit")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("No tiene permiso para esto"), containsString("ana.analyst"));
        tester.given().accept("*/*").get("/console/rules/98765").then().statusCode(404)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(404));
    }
}
