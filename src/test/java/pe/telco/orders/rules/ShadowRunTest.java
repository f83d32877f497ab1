package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A candidate in shadow decides every live evaluation after it commits; what it finds is what an impact preview of
 * the same candidate over the same orders finds, and the live decisions and their record stay as they were.
 */
@QuarkusTest
class ShadowRunTest {

    @Inject
    EntityManager db;

    @BeforeEach
    void shop() {
        Shop.open();
        LiveRules.restoreVersionOne();
        endOpenRun();
    }

    @AfterEach
    void noShadowLeftOn() {
        endOpenRun();
    }

    @Test
    void theShadowsDifferencesAreThoseOfAnImpactPreviewOverTheSameOrders() {
        int candidate = raisedLowScoreThreshold();
        long run = RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "umbral 499 en vivo"))
                .post("/api/rulesets/" + candidate + "/shadow").then().statusCode(201)
                .body("candidateVersion", equalTo(candidate)).body("startedBy", equalTo("rita.rules"))
                .body("active", equalTo(true)).extract().jsonPath().getLong("id");
        long evaluationsBefore = count("evaluation");
        long firingsBefore = count("rule_firing");

        List<JsonPath> live = new ArrayList<>();
        for (int score : new int[] {470, 560, 485, 780, 300, 455}) {
            live.add(decide(customerWithScore(score)));
        }
        live.add(decide(Shop.fibreOrder(Shop.GOOD_PAYER, "15046")));
        live.add(decide(Shop.fibreOrder(Shop.GOOD_PAYER, "15311")));

        JsonPath counted = Eventually.within(Duration.ofMinutes(5), "the shadow has compared every live evaluation",
                () -> given().get("/api/rulesets/shadows/" + run).then().statusCode(200).extract().jsonPath(),
                r -> r.getLong("compared") + r.getLong("failed") + r.getLong("skipped") >= live.size());
        String page = ConsoleSession.signIn("aldo.auditor", "auditor-secret").given().accept("text/html")
                .get("/console/shadow").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"shadow-differences\"", "Rechazado").doesNotContain("shadow-end");
        ConsoleSession carla = ConsoleSession.signIn("roberto.rules", "rules-secret");
        carla.given().formParam("form-token", carla.formToken("/console/shadow"))
                .post("/console/shadow/" + run + "/end").then().statusCode(303);
        given().get("/api/rulesets/shadows/" + run).then().statusCode(200).body("active", equalTo(false))
                .body("endedBy", equalTo("roberto.rules"));

        assertThat(counted.getLong("compared")).isEqualTo(live.size());
        assertThat(counted.getLong("skipped")).isZero();
        assertThat(counted.getLong("failed")).isZero();
        assertThat(counted.getLong("decisionsChanged")).isEqualTo(3);
        assertThat(counted.getMap("transitions")).containsExactly(Map.entry("HELD → REJECTED", 3));
        JsonPath changed = given().get("/api/rulesets/shadows/" + run + "/differences?decisionChanged=true&size=200")
                .then().statusCode(200).extract().jsonPath();
        Set<String> shadowOrders = new HashSet<>(changed.getList("items.orderNumber", String.class));
        assertThat(changed.getList("items.shadowReasons.flatten()", String.class))
                .contains("CREDIT FAIL LOW_CREDIT_SCORE");

        JsonPath impact = impactOver(candidate, live);
        assertThat(impact.getInt("processed")).isEqualTo(live.size());
        assertThat(impact.getInt("changed")).isEqualTo(counted.getInt("decisionsChanged"));
        assertThat(impact.getInt("report.reasonsChanged")).isEqualTo(counted.getInt("reasonsChanged"));
        assertThat(new HashSet<>(impact.getList("report.orders.findAll { it.decisionChanged }.orderNumber",
                String.class))).isEqualTo(shadowOrders);
        assertThat(impact.getMap("report.transitions")).isEqualTo(Map.of("HELD → REJECTED", 3));
        assertThat(impact.getMap("report.rules").keySet())
                .isEqualTo(given().get("/api/rulesets/shadows/" + run).then().extract().jsonPath()
                        .getMap("rules").keySet());

        // the live decisions and their record are what they were: one evaluation per order, nothing else
        assertThat(count("evaluation")).isEqualTo(evaluationsBefore + live.size());
        assertThat(count("rule_firing") - firingsBefore).isEqualTo(live.stream()
                .mapToLong(e -> e.getList("firedRules").size()).sum());
        for (JsonPath e : live) {
            given().get("/api/orders/" + e.getLong("orderId") + "/evaluation").then().statusCode(200)
                    .body("decision", equalTo(e.getString("decision"))).body("rulesetVersion", equalTo(1));
        }
    }

    @Test
    void onlyOneCandidateAtATimeAndOnlyCandidatesRunInShadow() {
        int candidate = raisedLowScoreThreshold();
        RulesetUploads.as("ana").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/" + candidate + "/shadow").then().statusCode(403);
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/1/shadow").then().statusCode(409).contentType("application/problem+json");
        long run = RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/" + candidate + "/shadow").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        RulesetUploads.as("carla").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/" + candidate + "/shadow").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("run " + run));
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "x".repeat(1001)))
                .post("/api/rulesets/shadows/" + run + "/end").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/shadows/" + run + "/end").then().statusCode(200);
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/shadows/" + run + "/end").then().statusCode(409);
        given().get("/api/rulesets/shadows/987654").then().statusCode(404);
        given().auth().preemptive().basic("web", "web-secret").get("/api/rulesets/shadows").then().statusCode(403);
    }

    @Test
    void activatingTheCandidateEndsItsShadowRun() {
        int candidate = raisedLowScoreThreshold();
        long run = RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/" + candidate + "/shadow").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        try {
            RulesetUploads.activate(candidate, "carla").then().statusCode(200);
            Eventually.within(Duration.ofMinutes(3), "the run ends once its candidate is live", () -> given()
                    .get("/api/rulesets/shadows/" + run).then().extract().jsonPath(), r -> !r.getBoolean("active"));
            given().get("/api/rulesets/shadows/" + run).then().body("endedBy", equalTo("system:shadow"))
                    .body("endReason", org.hamcrest.Matchers.containsString("ACTIVE"));
        } finally {
            LiveRules.restoreVersionOne();
        }
    }

    private static int raisedLowScoreThreshold() {
        return RulesetUploads.upload("ana", Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-030").getRowIndex(), Workbooks.column(sheet, "Puntaje hasta"))
                .setCellValue(499))).then().statusCode(201).extract().path("version");
    }

    /** A financed phone for a new customer of this score (no debt). */
    private static Map<String, Object> customerWithScore(int score) {
        String dni = Shop.newDni();
        given().contentType(ContentType.JSON).body("{\"name\":\"Cliente Sombra\",\"segment\":\"RESIDENTIAL\","
                + "\"customerSince\":\"2019-05-01\",\"creditScore\":" + score + ",\"overdueDebt\":0.00,"
                + "\"products\":[]}").put("/api/customers/DNI/" + dni).then().statusCode(200);
        return Shop.phoneOrder(dni, "T-PHONE-A15", 12);
    }

    private static JsonPath decide(Map<String, Object> order) {
        long id = Shop.createOrder(order);
        return given().post("/api/orders/" + id + "/evaluation").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath impactOver(int candidate, List<JsonPath> live) {
        String location = RulesetUploads.as("ana").contentType(ContentType.JSON)
                .body(Map.of("from", live.get(0).getString("evaluatedAt"),
                        "to", live.get(live.size() - 1).getString("evaluatedAt")))
                .post("/api/rulesets/" + candidate + "/impact").then().statusCode(202).extract().header("Location");
        return Eventually.within(Duration.ofMinutes(3), "the impact preview has finished",
                () -> given().get(location).then().statusCode(200).extract().jsonPath(),
                job -> job.getString("state").equals("DONE") || job.getString("state").equals("FAILED"));
    }

    private static void endOpenRun() {
        JsonPath runs = given().get("/api/rulesets/shadows?size=5").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> r : runs.<Map<String, Object>>getList("items")) {
            if (Boolean.TRUE.equals(r.get("active"))) {
                RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of())
                        .post("/api/rulesets/shadows/" + r.get("id") + "/end");
            }
        }
    }

    @Transactional
    long count(String table) {
        return ((Number) db.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
