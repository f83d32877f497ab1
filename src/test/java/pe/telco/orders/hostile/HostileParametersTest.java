package pe.telco.orders.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values outside the body: paging numbers on every list endpoint, crafted names that end up in a download's
 * file name, and bearer tokens issued in the future. Each gets a 4xx problem or a safe answer, never a 5xx or an
 * injected header.
 */
@QuarkusTest
class HostileParametersTest {

    /** Every JSON list endpoint that pages (the tester user holds every role). */
    static final List<String> LISTS = List.of("/api/orders", "/api/products", "/api/locations", "/api/terms",
            "/api/rulesets", "/api/approvals", "/api/follow-ups", "/api/support-tickets", "/api/audit/evaluations",
            "/api/audit/rules/CREDIT-010/firings", "/api/shipments", "/api/work-orders");

    static Stream<Arguments> badPaging() {
        List<Arguments> cases = new ArrayList<>();
        for (String list : LISTS) {
            cases.add(Arguments.of(list, "page=2147483647", "page"));
            cases.add(Arguments.of(list, "page=1073741824&size=2", "page"));
            cases.add(Arguments.of(list, "page=99999999999", "page"));
            cases.add(Arguments.of(list, "page=-1", "page"));
            cases.add(Arguments.of(list, "page=abc", "page"));
            cases.add(Arguments.of(list, "size=201", "size"));
            cases.add(Arguments.of(list, "size=0", "size"));
            cases.add(Arguments.of(list, "size=-2147483648", "size"));
            cases.add(Arguments.of(list, "size=1e3", "size"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}?{1}")
    @MethodSource("badPaging")
    void refusesBadPagingWithAFieldError(String list, String query, String field) {
        Response response = given().accept("application/json").get(list + "?" + query);

        assertThat(response.statusCode()).as(list + "?" + query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).isEqualTo("https://problems.telco.pe/validation");
        assertThat(response.<List<String>>path("errors.field")).contains(field);
    }

    @Test
    void listsEveryBadPagingNumberAtOnce() {
        given().get("/api/products?page=x&size=999").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("page", "size"));
    }

    @Test
    void servesTheLastPageThatFitsAndAnEmptyOneBeyondTheData() {
        given().get("/api/products?page=5000000&size=200").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("page", org.hamcrest.Matchers.equalTo(5000000));
        given().get("/api/audit/evaluations?page=5000000&size=200").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    /** {@code attachment; filename="<printable ASCII, no quote or semicolon>"; filename*=UTF-8''<attr-chars>}. */
    private static final String RFC_6266 =
            "attachment; filename=\"[\\x20-\\x7e&&[^\";\\\\]]+\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]+";

    static Stream<Arguments> craftedRuleIds() {
        return Stream.of(
                Arguments.of("parameter injection", "X\"; filename=evil.exe; a=\""),
                Arguments.of("backslash and quote", "a\\\"b"),
                Arguments.of("percent escapes", "%0d%0aX-Evil: 1"),
                Arguments.of("non-ASCII", "Regla-ñandú-€"),
                Arguments.of("format and separator characters", "a\u202eb\u2028c\u200bd"),
                Arguments.of("very long", "R".repeat(1000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedRuleIds")
    void buildsTheExportFileNameSafely(String name, String ruleId) {
        Response response = given().get("/api/audit/rules/{rule}/firings/export", ruleId);

        assertThat(response.statusCode()).as(name).isEqualTo(200);
        String disposition = response.header("Content-Disposition");
        assertThat(disposition).as(name).matches(RFC_6266).hasSizeLessThan(600);
        assertThat(disposition.split(";")).as(name + ": exactly two parameters").hasSize(3);
        assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
        assertThat(response.headers().hasHeaderWithName("X-Evil")).isFalse();
        assertThat(response.asString()).startsWith("evaluationId,");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineBreaks")
    void refusesLineBreaksInARuleIdSoNoneCanReachAHeader(String name, String ruleId) {
        Response response = given().get("/api/audit/rules/{rule}/firings/export", ruleId);

        assertThat(response.statusCode()).as(name).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("errors[0].field")).isEqualTo("ruleId");
        assertThat(response.headers().hasHeaderWithName("Content-Disposition")).isFalse();
        assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
        assertThat(response.headers().hasHeaderWithName("X-Evil")).isFalse();
    }

    static Stream<Arguments> lineBreaks() {
        return Stream.of(Arguments.of("CRLF header injection", "CREDIT-010\r\nSet-Cookie: session=stolen"),
                Arguments.of("lone LF", "CREDIT-010\nX-Evil: 1"), Arguments.of("lone CR", "CREDIT-010\rX-Evil: 1"));
    }

    @Test
    void refusesANulInARuleIdBeforeStreamingAnything() {
        given().get("/api/audit/rules/{rule}/firings/export", "a\u0000b").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("ruleId"));
        given().queryParam("reasonCode", "a\u0000b").get("/api/audit/evaluations/export").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("reasonCode"));
    }

    @Test
    void keepsUnicodeNamesInTheEncodedParameter() {
        String disposition = given().get("/api/audit/rules/{rule}/firings/export", "Regla-ñ").then().statusCode(200)
                .extract().header("Content-Disposition");

        assertThat(disposition).isEqualTo(
                "attachment; filename=\"Regla-_-firings.csv\"; filename*=UTF-8''Regla-%C3%B1-firings.csv");
    }

    static Stream<Arguments> tokensFromTheFuture() {
        return Stream.of(Arguments.of("issued in an hour", 3600L), Arguments.of("issued in two minutes", 120L),
                Arguments.of("issued in ten years", 315_360_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensFromTheFuture")
    void refusesATokenIssuedInTheFuture(String name, long secondsAhead) {
        Instant issued = Instant.now().plusSeconds(secondsAhead);
        String token = Jwt.issuer("https://auth.telco.pe").upn("app-backend").groups(java.util.Set.of("CHANNEL"))
                .claim("channel", "APP").issuedAt(issued).expiresAt(issued.plusSeconds(600))
                .sign("jwt/test-privateKey.pem");

        given().auth().oauth2(token).get("/api/orders?size=1").then().statusCode(401)
                .contentType("application/problem+json").body("type",
                        org.hamcrest.Matchers.equalTo("https://problems.telco.pe/unauthorized"));
    }

    @Test
    void acceptsATokenWithinTheClockSkew() {
        Instant issued = Instant.now().plusSeconds(30);
        String token = Jwt.issuer("https://auth.telco.pe").upn("app-backend").groups(java.util.Set.of("CHANNEL"))
                .claim("channel", "APP").issuedAt(issued).expiresAt(issued.plusSeconds(600))
                .sign("jwt/test-privateKey.pem");

        given().auth().oauth2(token).get("/api/orders?size=1").then().statusCode(200);
    }
}
