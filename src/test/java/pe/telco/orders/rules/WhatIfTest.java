package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * What-if on a stored evaluation: its frozen facts come back as a scenario, one fact changed flips the decision as the
 * credit table says, a candidate decides it beside the live version, and nothing of any of it is stored.
 */
@QuarkusTest
class WhatIfTest {

    private static final List<String> RECORD_TABLES = List.of("evaluation", "rule_firing", "orders", "order_item",
            "order_event", "outbox_event", "shipment", "work_order", "approval", "idempotency_key", "shadow_difference");

    @Inject
    EntityManager db;

    @BeforeEach
    void shop() {
        Shop.open();
        LiveRules.restoreVersionOne();
    }

    @Test
    void aLowerScoreOnAHeldOrderRejectsItAsTheCreditTableSaysAndStoresNothing() {
        long evaluation = heldEvaluation();
        JsonPath start = RulesetUploads.as("ana").get("/api/what-if/evaluations/" + evaluation).then()
                .statusCode(200).body("decision", equalTo("HELD")).body("facts.customer.creditScore", equalTo(560))
                .extract().jsonPath();
        Map<String, Object> facts = start.getMap("facts");
        Map<String, Long> before = counts();

        JsonPath same = whatIf(evaluation, facts, List.of()).then().statusCode(200).extract().jsonPath();
        assertThat(same.getString("versions[0].decision")).isEqualTo("HELD");
        assertThat(same.getInt("versions[0].version")).isEqualTo(1);
        assertThat(same.getBoolean("stored")).isFalse();

        JsonPath lower = whatIf(evaluation, withScore(facts, 420), List.of()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(lower.getString("versions[0].decision")).isEqualTo("REJECTED");
        assertThat(lower.getList("versions[0].reasons.code", String.class)).contains("LOW_CREDIT_SCORE");
        assertThat(lower.getList("versions[0].firedRules.rule", String.class)).contains("CREDIT-030");
        String credit = "versions[0].checks.find { it.check == 'CREDIT' }";
        assertThat(lower.getString(credit + ".decidedBy.ruleId")).isEqualTo("CREDIT-030");
        assertThat(lower.getString(credit + ".decidedBy.sentence")).contains("creditScore 420");
        assertThat(lower.getList(credit + ".nearestNotFired.sentence", String.class)).isNotEmpty();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCandidateDecidesTheSameScenarioBesideTheLiveVersion() {
        int candidate = RulesetUploads.upload("ana", Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(
                sheet, Workbooks.find(sheet, "CREDIT-030").getRowIndex(), Workbooks.column(sheet, "Puntaje hasta"))
                .setCellValue(499))).then().statusCode(201).extract().path("version");
        long evaluation = heldEvaluation();
        Map<String, Object> facts = withScore(RulesetUploads.as("bob").get("/api/what-if/evaluations/" + evaluation)
                .then().statusCode(200).extract().jsonPath().getMap("facts"), 480);
        Map<String, Long> before = counts();

        JsonPath sideBySide = whatIf(evaluation, facts, List.of(1, candidate)).then().statusCode(200).extract()
                .jsonPath();

        assertThat(sideBySide.getString("versions[0].status")).isEqualTo("ACTIVE");
        assertThat(sideBySide.getString("versions[0].decision")).isEqualTo("HELD");
        assertThat(sideBySide.getString("versions[1].status")).isEqualTo("CANDIDATE");
        assertThat(sideBySide.getString("versions[1].decision")).isEqualTo("REJECTED");
        assertThat(sideBySide.getBoolean("difference.decisionChanged")).isTrue();
        assertThat(sideBySide.getList("difference.reasonsOnlyInFrom", String.class))
                .contains("CREDIT REVIEW BORDERLINE_CREDIT");
        assertThat(sideBySide.getList("difference.reasonsOnlyInTo", String.class))
                .contains("CREDIT FAIL LOW_CREDIT_SCORE");
        assertThat(sideBySide.getList("difference.rulesOnlyInTo", String.class)).contains("CREDIT-030");
        assertThat(sideBySide.getString("versions[1].checks.find { it.check == 'CREDIT' }.decidedBy.sentence"))
                .contains("creditScore 480");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBlankOrderIsBuiltFromTheCatalogue() {
        Map<String, Object> facts = new HashMap<>(RulesetUploads.as("ana").get("/api/what-if/blank").then()
                .statusCode(200).body("facts.order.channel", equalTo("WEB")).extract().jsonPath().getMap("facts"));
        facts.put("items", List.of(Map.of("productCode", "T-FIBER-300", "quantity", 1)));
        Map<String, Object> order = new HashMap<>(cast(facts.get("order")));
        order.put("postalCode", "15311");
        facts.put("order", order);

        whatIf(null, facts, List.of()).then().statusCode(200).body("versions[0].decision", equalTo("REJECTED"))
                .body("versions[0].reasons.code", hasItem("NO_FIBRE_AT_ADDRESS"))
                .body("orderNumber", equalTo("WHAT-IF"));
        facts.put("coverage", List.of(Map.of("technology", "FTTH", "maxDownloadMbps", 600)));
        whatIf(null, facts, List.of()).then().statusCode(200)
                .body("versions[0].checks.find { it.check == 'COVERAGE' }.outcome", equalTo("PASS"));
    }

    @Test
    void badFactsAreNamedAndNothingRuns() {
        long evaluation = heldEvaluation();
        Map<String, Object> facts = RulesetUploads.as("ana").get("/api/what-if/evaluations/" + evaluation).then()
                .extract().jsonPath().getMap("facts");

        whatIf(evaluation, withScore(facts, 5000), List.of()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("facts.customer.creditScore"));
        Map<String, Object> word = withScore(facts, 0);
        cast(word.get("customer")).put("creditScore", "seiscientos");
        whatIf(evaluation, word, List.of()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("facts.customer.creditScore"));
        Map<String, Object> unknownProduct = new HashMap<>(facts);
        unknownProduct.put("items", List.of(Map.of("productCode", "NO-SUCH-PHONE", "quantity", 0)));
        whatIf(evaluation, unknownProduct, List.of()).then().statusCode(400)
                .body("errors.field", hasItem("facts.items[0].productCode"))
                .body("errors.field", hasItem("facts.items[0].quantity"));
        whatIf(evaluation, facts, List.of(1, 987654)).then().statusCode(400)
                .body("errors[0].field", equalTo("versions[1]"));
        whatIf(evaluation, facts, List.of(1, 1)).then().statusCode(400).body("errors[0].field", equalTo("versions"));
        RulesetUploads.as("ana").get("/api/what-if/evaluations/987654321").then().statusCode(404);
    }

    @Test
    void onlyRuleAuthorsApproversAndAuditorsMayAsk() {
        given().auth().preemptive().basic("web", "web-secret").get("/api/what-if/blank").then().statusCode(403);
        given().auth().preemptive().basic("raul.reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of()).post("/api/what-if").then().statusCode(403);
        given().auth().preemptive().basic("aldo.auditor", "auditor-secret").get("/api/what-if/blank").then()
                .statusCode(200);
    }

    private static io.restassured.response.Response whatIf(Long evaluation, Map<String, Object> facts,
            List<Integer> versions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluationId", evaluation);
        body.put("versions", versions);
        body.put("facts", facts);
        return RulesetUploads.as("ana").contentType(ContentType.JSON).body(body).post("/api/what-if");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    /** A copy of the facts with another credit score (everything else as stored). */
    private static Map<String, Object> withScore(Map<String, Object> facts, int score) {
        Map<String, Object> copy = new HashMap<>(facts);
        Map<String, Object> customer = new HashMap<>(cast(facts.get("customer")));
        customer.put("creditScore", score);
        copy.put("customer", customer);
        return copy;
    }

    private static long heldEvaluation() {
        long order = Shop.heldOrder("Cliente Qué Pasaría");
        return given().get("/api/orders/" + order + "/evaluation").then().statusCode(200).extract().jsonPath()
                .getLong("evaluationId");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        RECORD_TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    @Transactional
    long count(String table) {
        return ((Number) db.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
