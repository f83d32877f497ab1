package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.audit.record.Evaluation;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/** An auditor asks why (and why not) and re-runs a decision on its own facts and ruleset version. */
@QuarkusTest
class ExplanationAndReplayTest {

    @Inject
    DataSource db;
    @Inject
    RulesetService rulesets;
    @Inject
    ActiveRuleset compiled;
    @Inject
    DecisionRecord record;
    @Inject
    ObjectMapper json;

    @Test
    void explainsTheCreditRowThatHeldTheOrderAndWhyBetterRowsDidNot() {
        long evaluation = borderlineEvaluation();

        JsonPath credit = given().get("/api/audit/evaluations/" + evaluation + "/explanation").then().statusCode(200)
                .body("decision", equalTo("HELD"))
                .body("checks.check", hasItem("CREDIT"))
                .extract().jsonPath().setRootPath("checks.find { it.check == 'CREDIT' }");
        assertThat(credit.getString("decidedBy.ruleId")).isEqualTo("CREDIT-100");
        assertThat(credit.getList("decidedBy.conditions.holds", Boolean.class)).containsOnly(true);
        assertThat(credit.getString("decidedBy.sentence")).contains("creditScore 560 ≥ 450");
        List<String> whyNot = credit.getList("nearestNotFired.sentence");
        assertThat(whyNot).anySatisfy(s -> assertThat(s).startsWith("CREDIT-090 '")
                .contains("did not fire: creditScore 560 is not ≥ 600"));
        assertThat(credit.getList("nearestNotFired.ruleId", String.class)).contains("CREDIT-080");
    }

    @Test
    void explainsCoverageOnTheTechnologiesAtTheAddress() {
        Shop.open();
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15311"));
        given().post("/api/orders/" + order + "/evaluation").then().statusCode(200);
        JsonPath coverage = given().get("/api/audit/evaluations/" + AuditFixture.evaluationOf(order) + "/explanation")
                .then().statusCode(200).extract().jsonPath().setRootPath("checks.find { it.check == 'COVERAGE' }");
        assertThat(coverage.getString("decidedBy.ruleId")).isEqualTo("COV-010");
        assertThat(coverage.getString("decidedBy.sentence")).contains("offered false = false");
        assertThat(coverage.getList("nearestNotFired.sentence", String.class))
                .anySatisfy(s -> assertThat(s).contains("offered false is not = true"));
    }

    @Test
    void replaysIdenticallyOnItsOwnVersionEvenWhenAnotherVersionDecidesOtherwise() throws Exception {
        long evaluation = borderlineEvaluation();
        given().post("/api/audit/evaluations/" + evaluation + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("differences.size()", equalTo(0))
                .body("rulesetHashMatches", equalTo(true)).body("originalAppVersion", notNullValue())
                .body("replayedDecision", equalTo("HELD"));

        int candidate = storeCandidateWhereBorderlineCreditPasses();
        Evaluation stored = record.find(evaluation).orElseThrow().evaluation();
        Decision onCandidate = new OrderEvaluator().evaluate(compiled.version(candidate),
                FactsSnapshot.read(json, stored.getFacts())).decision();
        assertThat(onCandidate).isEqualTo(Decision.RELEASED);

        LiveRules.activate(candidate);
        try {
            long later = borderlineEvaluation("RELEASED");
            given().get("/api/audit/evaluations/" + later).then().body("rulesetVersion", equalTo(candidate));

            given().post("/api/audit/evaluations/" + evaluation + "/replay").then().statusCode(200)
                    .body("identical", equalTo(true)).body("rulesetVersion", equalTo(1))
                    .body("replayedDecision", equalTo("HELD"));
        } finally {
            LiveRules.activate(1);
        }
        given().post("/api/audit/evaluations/999999999/replay").then().statusCode(404);
    }

    private static long borderlineEvaluation() {
        return borderlineEvaluation("HELD");
    }

    private static long borderlineEvaluation(String expected) {
        Shop.open();
        long order = Shop.createOrder(Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12));
        given().post("/api/orders/" + order + "/evaluation").then().statusCode(200).body("decision", equalTo(expected));
        return AuditFixture.evaluationOf(order);
    }

    /** Version 1's files with CREDIT-100 answering PASS, stored as a CANDIDATE based on version 1. */
    private int storeCandidateWhereBorderlineCreditPasses() throws Exception {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : rulesets.files(1)) {
            files.add(file.name().equals("credit.drl.xlsx") ? borderlinePasses(file) : file);
        }
        try (Connection c = db.getConnection()) {
            int version;
            try (var rs = c.createStatement().executeQuery("select max(version) + 1 from ruleset")) {
                rs.next();
                version = rs.getInt(1);
            }
            try (PreparedStatement s = c.prepareStatement("insert into ruleset (version, content_hash, base_version,"
                    + " status, author, comment, created_at) values (?, ?, 1, 'CANDIDATE', 'test:audit', ?, now())")) {
                s.setInt(1, version);
                s.setString(2, RulesetCompiler.contentHash(files));
                s.setString(3, "CREDIT-100 passes: an audit replay test");
                s.executeUpdate();
            }
            for (RuleFile file : files) {
                try (PreparedStatement s = c.prepareStatement("insert into ruleset_file (ruleset_version, name, content,"
                        + " sha256) values (?, ?, ?, ?)")) {
                    s.setInt(1, version);
                    s.setString(2, file.name());
                    s.setBytes(3, file.content());
                    s.setString(4, RulesetCompiler.contentHash(List.of(file)));
                    s.executeUpdate();
                }
            }
            return version;
        }
    }

    private static RuleFile borderlinePasses(RuleFile credit) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(credit.content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                var id = row.getCell(0);
                if (id != null && "CREDIT-100".equals(id.toString().trim())) {
                    row.getCell(11).setCellValue("PASS");
                }
            }
            workbook.write(out);
            return new RuleFile(credit.name(), out.toByteArray());
        }
    }
}
