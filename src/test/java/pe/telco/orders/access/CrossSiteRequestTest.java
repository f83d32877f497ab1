package pe.telco.orders.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A hostile page cannot make a person's browser change anything: state-changing requests a browser marks as
 * cross-site are refused before they touch anything; same-origin pages and machine clients work as before.
 */
@QuarkusTest
class CrossSiteRequestTest {

    /** What browsers send when another site's page submits a form or calls fetch. */
    static Stream<Arguments> crossSite() {
        return Stream.of(
                Arguments.of("foreign Origin", Map.of("Origin", "https://evil.example")),
                Arguments.of("Sec-Fetch-Site cross-site", Map.of("Sec-Fetch-Site", "cross-site")),
                Arguments.of("Sec-Fetch-Site same-site", Map.of("Sec-Fetch-Site", "same-site")),
                Arguments.of("both, from a foreign page", Map.of("Origin", "https://evil.example",
                        "Sec-Fetch-Site", "cross-site")),
                Arguments.of("opaque Origin null (sandboxed frame)", Map.of("Origin", "null")),
                Arguments.of("same host, other port", Map.of("Origin", "http://localhost:" + (RestAssured.port + 1))),
                Arguments.of("same host and port, other scheme", Map.of("Origin", "https://localhost:" + RestAssured.port)),
                Arguments.of("unreadable Origin", Map.of("Origin", "http://[::1")));
    }

    @BeforeEach
    void shopIsOpenAndVersionOneActive() {
        Shop.open();
        LiveRules.restoreVersionOne();
    }

    @AfterEach
    void versionOneActiveAgain() {
        LiveRules.restoreVersionOne();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void refusesACrossSiteRulesetUploadAndStoresNothing(String name, Map<String, String> headers) {
        int before = rulesetCount();

        Response response = upload(as("ana.analyst", "analyst-secret").headers(headers));

        assertRefused(response, name);
        assertThat(rulesetCount()).as(name + ": no ruleset stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void refusesACrossSiteActivationAndKeepsTheActiveVersion(String name, Map<String, String> headers) {
        int candidate = sharedCandidate();

        Response response = activate(candidate, as("rita.rules", "rules-secret").headers(headers));

        assertRefused(response, name);
        assertThat(LiveRules.activeVersion()).as(name).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void refusesACrossSiteApprovalAndTheOrderStaysPending(String name, Map<String, String> headers) {
        long held = Shop.heldOrder();

        Response response = as("raul.reviewer", "reviewer-secret").headers(headers).contentType(ContentType.JSON)
                .body(Map.of("approved", true, "comment", "ok")).post("/api/orders/" + held + "/approval");

        assertRefused(response, name);
        assertThat(state(held)).as(name).isEqualTo("pending");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void refusesACrossSiteCancellationAndTheOrderStaysAsItWas(String name, Map<String, String> headers) {
        long order = acknowledgedOrder();

        Response response = as("olga.ops", "ops-secret").headers(headers).contentType(ContentType.JSON)
                .body(Map.of("reason", "customer asked")).post("/api/orders/" + order + "/cancellation");

        assertRefused(response, name);
        assertThat(state(order)).as(name).isEqualTo("acknowledged");
    }

    @Test
    void refusesCrossSitePutsAndDeletesToo() {
        int onHand = onHandAtTestWarehouse();
        as("olga.ops", "ops-secret").header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON)
                .body(Map.of("quantity", 1)).put("/api/stock/T-WH/T-PHONE-A15").then().statusCode(403)
                .body("type", equalTo("https://problems.telco.pe/cross-site-request"));
        as("ana.analyst", "analyst-secret").header("Origin", "https://evil.example")
                .delete("/api/rulesets/impact/999999").then().statusCode(403);
        assertThat(onHandAtTestWarehouse()).isEqualTo(onHand).isNotEqualTo(1);
    }

    private static int onHandAtTestWarehouse() {
        return given().get("/api/stock/T-PHONE-A15").then().statusCode(200)
                .extract().path("locations.find { it.locationCode == 'T-WH' }.onHand");
    }

    @Test
    void sameOriginPagesStillUploadActivateApproveAndCancel() {
        Map<String, String> sameOrigin = Map.of("Origin", "http://localhost:" + RestAssured.port,
                "Sec-Fetch-Site", "same-origin");
        int before = rulesetCount();
        int candidate = upload(as("ana.analyst", "analyst-secret").headers(sameOrigin)).then().statusCode(201)
                .extract().path("version");
        assertThat(rulesetCount()).isEqualTo(before + 1);

        activate(candidate, as("rita.rules", "rules-secret").headers(sameOrigin)).then().statusCode(200);
        assertThat(LiveRules.activeVersion()).isEqualTo(candidate);

        long held = Shop.heldOrder();
        as("raul.reviewer", "reviewer-secret").headers(sameOrigin).contentType(ContentType.JSON)
                .body(Map.of("approved", false, "comment", "no")).post("/api/orders/" + held + "/approval")
                .then().statusCode(200);
        assertThat(state(held)).isEqualTo("rejected");

        long order = acknowledgedOrder();
        as("olga.ops", "ops-secret").headers(sameOrigin).contentType(ContentType.JSON)
                .body(Map.of("reason", "customer asked")).post("/api/orders/" + order + "/cancellation")
                .then().statusCode(200);
        assertThat(state(order)).isEqualTo("cancelled");
    }

    @Test
    void machineClientsWithoutBrowserHeadersWorkUnchanged() {
        int before = rulesetCount();
        int candidate = upload(as("ana.analyst", "analyst-secret")).then().statusCode(201).extract().path("version");
        assertThat(rulesetCount()).isEqualTo(before + 1);
        activate(candidate, as("rita.rules", "rules-secret")).then().statusCode(200);
        assertThat(LiveRules.activeVersion()).isEqualTo(candidate);

        long held = Shop.heldOrder();
        as("raul.reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of("approved", false, "comment", "no")).post("/api/orders/" + held + "/approval")
                .then().statusCode(200);
        assertThat(state(held)).isEqualTo("rejected");

        long order = acknowledgedOrder();
        as("olga.ops", "ops-secret").contentType(ContentType.JSON).body(Map.of("reason", "customer asked"))
                .post("/api/orders/" + order + "/cancellation").then().statusCode(200);
        assertThat(state(order)).isEqualTo("cancelled");
    }

    @Test
    void anOriginListedAsAllowedMayPost() {
        long order = acknowledgedOrder();

        as("olga.ops", "ops-secret").header("Origin", "https://portal.telco.pe").header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.JSON).body(Map.of("reason", "customer asked"))
                .post("/api/orders/" + order + "/cancellation").then().statusCode(200);
        assertThat(state(order)).isEqualTo("cancelled");
    }

    @Test
    void crossSiteReadsAreNotAffected() {
        as("ana.analyst", "analyst-secret").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").get("/api/rulesets").then().statusCode(200);
    }

    private static void assertRefused(Response response, String name) {
        assertThat(response.statusCode()).as(name).isEqualTo(403);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).as(name).isEqualTo("https://problems.telco.pe/cross-site-request");
    }

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    private static int sharedCandidate;

    /** One candidate for every refused activation: a refusal leaves it a candidate (and uploads take seconds). */
    private static synchronized int sharedCandidate() {
        if (sharedCandidate == 0) {
            sharedCandidate = upload(as("ana.analyst", "analyst-secret")).then().statusCode(201).extract()
                    .path("version");
        }
        return sharedCandidate;
    }

    /** A business change to the credit table (a threshold), as an analyst uploads it. */
    private static Response upload(RequestSpecification request) {
        byte[] credit;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                java.nio.file.Files.newInputStream(java.nio.file.Path.of("decision-tables", "credit.drl.xlsx")));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                var id = row.getCell(0);
                if (id != null && id.toString().equals("CREDIT-070")) {
                    row.getCell(10, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                            .setCellValue(30);
                }
            }
            workbook.write(out);
            credit = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return request.multiPart("comment", "cross-site test")
                .multiPart("file", "credit.drl.xlsx", credit, "application/octet-stream")
                .post("/api/rulesets");
    }

    private static Response activate(int version, RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(Map.of("comment", "test"))
                .post("/api/rulesets/" + version + "/activation");
    }

    private static int rulesetCount() {
        return given().get("/api/rulesets").then().statusCode(200).extract().path("total");
    }


    private static long acknowledgedOrder() {
        return acknowledgedOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
    }

    private static long acknowledgedOrder(Map<String, Object> body) {
        return Shop.createOrder(body);
    }

    private static String state(long order) {
        return given().get("/api/orders/" + order).then().statusCode(200).extract().path("state");
    }
}
