package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static pe.telco.orders.rules.RulesetUploads.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A business user lowers a credit limit and the regression suite catches a whole order that no longer comes out as
 * the business expects: the upload is stored with the failing case shown, activation is refused naming it, and an
 * approver who activates anyway must give a reason, which the activation history keeps with the failing cases.
 */
@QuarkusTest
class RegressionSuiteGateTest {

    @BeforeEach
    void originalRules() {
        Shop.open();
        LiveRules.restoreVersionOne();
    }

    @AfterEach
    void backToOriginalRules() {
        LiveRules.restoreVersionOne();
    }

    /** CREDIT-070 finances good payers up to S/ 3000 instead of 6000: the suite's financed iPhone (CASO-02) is held. */
    private static RuleFile lowerGoodPayerLimit() {
        return Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, "Monto financiado hasta"))
                .setCellValue(3000));
    }

    @Test
    void aFailingSuiteCaseBlocksActivationUntilAnApproverOverridesItWithARecordedReason() {
        JsonPath uploaded = upload("ana", lowerGoodPayerLimit()).then().statusCode(201).extract().jsonPath();
        int version = uploaded.getInt("version");
        assertThat(uploaded.getList("files.name", String.class)).as("the active suite is carried over")
                .contains("regression.suite.xlsx");
        List<Map<String, Object>> failing = uploaded.getList("report.suite.findAll { !it.passed }");
        assertThat(failing).singleElement().satisfies(c -> {
            assertThat(c.get("id")).isEqualTo("CASO-02");
            assertThat(c.get("expectedDecision")).isEqualTo("RELEASED");
            assertThat(c.get("decision")).isEqualTo("HELD");
            assertThat(c.get("reasons")).isEqualTo(List.of("ABOVE_PROFILE_LIMIT"));
        });
        assertThat(uploaded.getInt("report.coverage.rules")).isGreaterThan(uploaded.getInt("report.coverage.fired"));

        RulesetUploads.activate(version, "bob").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://problems.telco.pe/suite-failing"))
                .body("detail", containsString("CASO-02"))
                .body("errors[0].field", equalTo("CASO-02 (regression.suite.xlsx!Casos!A5)"));
        given().get("/api/rulesets/" + version).then().body("status", equalTo("CANDIDATE"));
        assertThat(LiveRules.activeVersion()).isEqualTo(1);

        String page = "/console/rules/" + version;
        ConsoleSession rita = ConsoleSession.signIn("rita.rules", "rules-secret");
        String spanish = html(rita, page, "es");
        assertThat(spanish).contains("Batería de regresión (23)", "id=\"suite-failing\"", "id=\"suite-case-CASO-02\"",
                "Cobertura de filas", "id=\"not-fired-APPR-080\"", "id=\"suite-override\"");
        assertThat(spanish.substring(spanish.indexOf("id=\"suite-case-CASO-02\""))).contains("Liberado", "Retenido",
                "ABOVE_PROFILE_LIMIT", "badge bad");
        assertThat(html(rita, page, "en")).contains("Regression suite (23)", "Row coverage",
                "Rules that no example and no case fires", "Reason to activate although cases fail");
        rita.given().formParam("form-token", rita.formToken(page)).formParam("comment", "sin motivo")
                .post(page + "/activation").then().statusCode(422);
        assertThat(LiveRules.activeVersion()).isEqualTo(1);

        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "límite de S/ 3000",
                "suiteOverride", "Riesgos acepta retener iPhones financiados hasta corregir el caso"))
                .post("/api/rulesets/" + version + "/activation").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        JsonPath history = given().get("/api/rulesets/activations?size=1").then().statusCode(200).extract().jsonPath();
        assertThat(history.getInt("items[0].version")).isEqualTo(version);
        assertThat(history.getString("items[0].activatedBy")).isEqualTo("rita.rules");
        assertThat(history.getString("items[0].suiteOverride"))
                .isEqualTo("Riesgos acepta retener iPhones financiados hasta corregir el caso");
        assertThat(history.getList("items[0].suiteFailedCases", String.class))
                .containsExactly("CASO-02 (regression.suite.xlsx!Casos!A5)");
        String versions = html(ConsoleSession.signIn("aldo.auditor", "auditor-secret"), "/console/rules", "en");
        assertThat(versions.substring(versions.indexOf("id=\"activation-history\""))).contains("Suite override",
                "Riesgos acepta retener iPhones financiados hasta corregir el caso (cases: CASO-02");
    }

    private static String html(ConsoleSession session, String path, String language) {
        return session.given().accept("text/html").header("Accept-Language", language).get(path).then()
                .statusCode(200).extract().asString();
    }

    @Test
    void aMalformedSuiteIsRefusedAtUploadNamingTheCellAndAPassingOneNeedsNoOverride() {
        RuleFile malformed = Workbooks.edited("regression.suite.xlsx", sheet -> RegressionSuiteTest.cell(sheet,
                "CASO-03", "Puntaje").setCellValue("56O"));
        upload("ana", malformed).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("regression.suite.xlsx!Casos!K6"))
                .body("errors[0].message", containsString("«56O» is not a number"));

        RuleFile moreCases = Workbooks.edited("regression.suite.xlsx", sheet -> RegressionSuiteTest.cell(sheet,
                "CASO-01", "Qué prueba").setCellValue("Fibra y TV en San Isidro (revisado por negocio)"));
        int version = upload("ana", moreCases).then().statusCode(201)
                .body("report.suite.size()", equalTo(23)).extract().path("version");
        RulesetUploads.activate(version, "bob").then().statusCode(200);
        given().get("/api/rulesets/activations?size=1").then()
                .body("items[0].version", equalTo(version)).body("items[0].suiteOverride", equalTo(null))
                .body("items[0].suiteFailedCases.size()", equalTo(0));
    }
}
