package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/**
 * People sign in to the console with a form, never with Basic: the session cookie, the redirect to the login page,
 * logout, the form token every console post needs, and the API unchanged for machine clients.
 */
@QuarkusTest
class ConsoleSignInTest {

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void aConsolePageWithoutASessionLeadsToTheLoginPageNotABasicChallenge() {
        given().auth().none().redirects().follow(false).get("/console/review").then().statusCode(302)
                .header("Location", endsWith("/console/login")).header("WWW-Authenticate", (String) null);
        given().auth().preemptive().basic("raul.reviewer", "reviewer-secret").redirects().follow(false)
                .get("/console/review").then().statusCode(302).header("Location", endsWith("/console/login"));
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndSetsNoSession() {
        for (Map<String, String> foreign : List.of(Map.of("Origin", "https://evil.example"),
                Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Origin", "null"))) {
            Response login = given().auth().none().redirects().follow(false).headers(foreign)
                    .formParam("j_username", "aldo.auditor").formParam("j_password", "auditor-secret")
                    .post("/console/j_security_check");
            assertThat(login.statusCode()).as(foreign.toString()).isEqualTo(403);
            assertThat(login.<String>path("type")).isEqualTo("https://problems.telco.pe/cross-site-request");
            assertThat(login.getCookies()).as(foreign.toString()).doesNotContainKey("console-session");
        }
        Response sameOrigin = given().auth().none().redirects().follow(false)
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .formParam("j_username", "aldo.auditor").formParam("j_password", "auditor-secret")
                .post("/console/j_security_check");
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sameOrigin.getCookies()).containsKey("console-session");
    }

    @Test
    void afterSigningInThePersonIsBackAtThePageAskedFor() {
        Map<String, String> remembered = given().auth().none().redirects().follow(false).get("/console/review?page=0")
                .then().statusCode(302).extract().cookies();

        given().auth().none().redirects().follow(false).cookies(remembered).formParam("j_username", "raul.reviewer")
                .formParam("j_password", "reviewer-secret").post("/console/j_security_check").then().statusCode(302)
                .header("Location", endsWith("/console/review?page=0"));
    }

    @Test
    void theLoginPageSpeaksSpanishAndEnglish() {
        given().auth().none().get("/console/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>Iniciar sesión</h1>"), containsString("Contraseña"),
                        containsString("action=\"/console/j_security_check\""));
        given().auth().none().get("/console/login?lang=en").then().statusCode(200)
                .body(containsString("<h1>Sign in</h1>"), containsString("Password"));
    }

    @Test
    void signingInGivesAStrictHttpOnlySessionCookieAndLandsOnTheConsole() {
        Response login = given().auth().none().redirects().follow(false).formParam("j_username", "aldo.auditor")
                .formParam("j_password", "auditor-secret").post("/console/j_security_check");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/console");
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSession.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/");
        new ConsoleSession(login.cookie(ConsoleSession.COOKIE)).given().get("/console/audit").then().statusCode(200)
                .body(containsString("aldo.auditor"), containsString("id=\"logout-form\""));
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainWithoutASession() {
        Response login = given().auth().none().redirects().follow(false).formParam("j_username", "aldo.auditor")
                .formParam("j_password", "wrong").post("/console/j_security_check");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).contains("/console/login?error=true");
        assertThat(login.cookie(ConsoleSession.COOKIE)).isNullOrEmpty();
        given().auth().none().get(login.header("Location")).then().statusCode(200)
                .body(containsString("Usuario o contraseña incorrectos"));
    }

    @Test
    void logoutClearsTheCookieAndLeadsBackToTheLogin() {
        ConsoleSession auditor = ConsoleSession.signIn("aldo.auditor", "auditor-secret");
        Response logout = auditor.given().formParam("form-token", auditor.formToken("/console"))
                .post("/console/logout");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.header("Location")).endsWith("/console/login?signed-out=true");
        String cleared = logout.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSession.COOKIE + "=")).reduce((a, b) -> b).orElseThrow();
        assertThat(cleared).matches(ConsoleSession.COOKIE + "=;.*").containsIgnoringCase("Max-Age=0");
    }

    @Test
    void aConsoleFormWithoutTheRightTokenIsRefusedAndChangesNothing() {
        long held = Shop.heldOrder();
        ConsoleSession reviewer = ConsoleSession.signIn("raul.reviewer", "reviewer-secret");
        String othersToken = ConsoleSession.signIn("aldo.auditor", "auditor-secret").formToken("/console");

        reviewer.given().accept("text/html").formParam("decision", "approve").formParam("comment", "no token")
                .post("/console/review/" + held).then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("was not sent from the console"));
        reviewer.given().formParam("form-token", othersToken).formParam("decision", "approve")
                .formParam("comment", "someone else's token").post("/console/review/" + held).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.telco.pe/form-token"));
        assertThat(state(held)).isEqualTo("pending");

        reviewer.given().formParam("form-token", reviewer.formToken("/console/review")).formParam("decision", "approve")
                .formParam("comment", "with the token").post("/console/review/" + held).then().statusCode(303);
        assertThat(state(held)).isEqualTo("inProgress");
    }

    @Test
    void aConsoleUploadWithoutTheTokenStoresNothing() {
        int before = rulesetCount();
        ConsoleSession author = ConsoleSession.signIn("ana.analyst", "analyst-secret");

        author.given().multiPart("comment", "no token").multiPart("files", "evil.drl",
                "package pe.telco.orders.rules;\n".getBytes(), "application/octet-stream").post("/console/rules")
                .then().statusCode(403).body("type", equalTo("https://problems.telco.pe/form-token"));
        assertThat(rulesetCount()).isEqualTo(before);
    }

    @Test
    void theSessionOpensTheApisDownloadsAndTheApiKeepsBasicForMachines() {
        ConsoleSession auditor = ConsoleSession.signIn("aldo.auditor", "auditor-secret");
        String file = given().get("/api/rulesets/1").then().statusCode(200).extract().path("files[0].name");

        auditor.given().get("/api/rulesets/1/files/" + file).then().statusCode(200);
        auditor.given().get("/api/audit/evaluations/export?decision=HELD").then().statusCode(200)
                .contentType(containsString("text/csv"));
        given().auth().none().get("/api/rulesets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void theSessionDoesNotChangeAnythingThroughTheApi() {
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        ConsoleSession ops = ConsoleSession.signIn("olga.ops", "ops-secret");

        ops.given().contentType(ContentType.JSON).body(Map.of("reason", "by cookie"))
                .post("/api/orders/" + order + "/cancellation").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("only reads the API"));
        assertThat(state(order)).isEqualTo("acknowledged");
        ops.given().auth().preemptive().basic("olga.ops", "ops-secret").contentType(ContentType.JSON)
                .body(Map.of("reason", "with credentials")).post("/api/orders/" + order + "/cancellation").then()
                .statusCode(200);
        assertThat(state(order)).isEqualTo("cancelled");
    }

    private static int rulesetCount() {
        return given().get("/api/rulesets").then().statusCode(200).extract().path("total");
    }

    private static String state(long order) {
        return given().get("/api/orders/" + order).then().statusCode(200).extract().path("state");
    }
}
