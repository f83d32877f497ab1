package pe.telco.orders.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.telco.orders.access.TesterCredentials;
import pe.telco.orders.console.ConsoleSession;

/** Every answer, pages, API and errors alike, tells the browser not to frame it, sniff it or pass the referrer on. */
@QuarkusTest
class SecurityHeadersTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("a console page", "/console", "text/html", true, 200),
                Arguments.of("a console error page", "/console/rules/999999", "text/html", true, 404),
                Arguments.of("an API answer", "/api/products", "application/json", true, 200),
                Arguments.of("a 404 problem", "/api/nothing-here", "application/json", true, 404),
                Arguments.of("a 401 problem", "/api/orders", "application/json", false, 401),
                Arguments.of("a 400 problem", "/api/orders?page=-1", "application/json", true, 400),
                Arguments.of("a static console file", "/console/static/console.js", "*/*", true, 200),
                Arguments.of("the login page", "/console/login", "text/html", false, 200),
                Arguments.of("the redirect to the login page", "/console/review", "text/html", false, 302),
                Arguments.of("health", "/q/health", "application/json", false, 200),
                Arguments.of("the OpenAPI document", "/q/openapi", "application/json", false, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyAnswerCarriesTheBrowserSecurityHeaders(String name, String path, String accept, boolean authenticated,
            int status) {
        Response response = (!authenticated ? given().auth().none().redirects().follow(false)
                : path.startsWith("/console")
                        ? ConsoleSession.signIn(TesterCredentials.USER, TesterCredentials.PASSWORD).given()
                        : given()).accept(accept).get(path);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy")).as(name)
                .contains("frame-ancestors 'none'", "default-src 'self'", "script-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Frame-Options")).as(name).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(name).isEqualTo("strict-origin-when-cross-origin");
    }

    @org.junit.jupiter.api.Test
    void swaggerUiKeepsItsInlineSetupButMayNotBeFramed() {
        Response response = given().auth().none().get("/q/swagger-ui/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @org.junit.jupiter.api.Test
    void consolePagesNeedNoInlineScriptOrStyle() {
        String page = ConsoleSession.signIn(TesterCredentials.USER, TesterCredentials.PASSWORD).given()
                .accept("text/html").get("/console").then().statusCode(200).extract().asString()
                + given().auth().none().get("/console/login").then().statusCode(200).extract().asString();

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=\"", "<style",
                "javascript:").doesNotContainPattern("\\son[a-z]+=\"");
    }
}
