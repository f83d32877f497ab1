package pe.telco.orders.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/** An order is decided by the active rules; the decision, its reasons, firings and facts are stored together. */
@QuarkusTest
class EvaluationFlowTest {

    @Inject
    EntityManager db;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void releasesACleanOrderAndMovesItInProgress() {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));

        JsonPath evaluation = evaluate(id).then().statusCode(200)
                .body("decision", equalTo("RELEASED"))
                .body("orderId", equalTo((int) id))
                .body("rulesetVersion", equalTo(given().get("/api/rulesets/active").path("version")))
                .body("reasons.size()", equalTo(0))
                .body("checks.code", hasItems("FIBRE_AVAILABLE", "TERMS_ACCEPTED", "INTERNET_AT_ANOTHER_ADDRESS"))
                .body("firedRules.rule", hasItems("CHK-002", "COV-030", "DEC-003"))
                .extract().jsonPath();

        Map<String, Object> cov030 = evaluation.getMap("firedRules.find { it.rule == 'COV-030' }");
        assertThat(cov030).containsEntry("source", "coverage.drl.xlsx").containsEntry("sheet", "Cobertura")
                .containsEntry("check", "COVERAGE").containsEntry("outcome", "PASS");
        assertThat((Integer) cov030.get("row")).isGreaterThan(10);
        given().get("/api/orders/" + id).then().body("state", equalTo("inProgress"))
                .body("items[0].state", equalTo("inProgress"));
        given().get("/api/orders/" + id + "/evaluation").then().statusCode(200)
                .body("evaluationId", equalTo(evaluation.getInt("evaluationId")))
                .body("decision", equalTo("RELEASED"));
        given().get("/api/orders/" + id + "/history").then()
                .body("milestone", hasItems("received", "evaluated")).body("toState", hasItem("inProgress"));
    }

    @Test
    void eachDecisionIsCountedAndTimedInTheMetrics() {
        double released = metric("orders_evaluation_decisions_total", "RELEASED");
        double timed = metric("orders_evaluation_rules_seconds_count", "RELEASED");

        evaluate(Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"))).then().statusCode(200)
                .body("decision", equalTo("RELEASED"));

        assertThat(metric("orders_evaluation_decisions_total", "RELEASED")).isEqualTo(released + 1);
        assertThat(metric("orders_evaluation_rules_seconds_count", "RELEASED")).isEqualTo(timed + 1);
    }

    /** A sample's value for one decision in the Prometheus text of /q/metrics. */
    private static double metric(String name, String decision) {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("decision=\"" + decision + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " for " + decision + " is not published"));
    }

    @Test
    void holdsABorderlineProfileAndLeavesTheOrderPending() {
        long id = Shop.createOrder(Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12));

        evaluate(id).then().statusCode(200)
                .body("decision", equalTo("HELD"))
                .body("reasons.code", hasItem("BORDERLINE_CREDIT"))
                .body("reasons.find { it.code == 'BORDERLINE_CREDIT' }.check", equalTo("CREDIT"))
                .body("reasons.find { it.code == 'BORDERLINE_CREDIT' }.outcome", equalTo("REVIEW"));
        given().get("/api/orders/" + id).then().body("state", equalTo("pending"));
    }

    @Test
    void rejectsFibreWhereThereIsNoneAndSaysWhy() {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15311"));

        evaluate(id).then().statusCode(200)
                .body("decision", equalTo("REJECTED"))
                .body("reasons[0].check", equalTo("COVERAGE"))
                .body("reasons[0].code", equalTo("NO_FIBRE_AT_ADDRESS"))
                .body("reasons[0].productCode", equalTo("T-FIBER-300"))
                .body("reasons[0].message", org.hamcrest.Matchers.containsString("15311"));
        given().get("/api/orders/" + id).then().body("state", equalTo("rejected"));
    }

    @Test
    void rejectsFinancingForACustomerInDebtAndADeviceWithoutStock() {
        long inDebt = Shop.createOrder(Shop.phoneOrder(Shop.IN_DEBT, "T-PHONE-A15", 12));
        long noStock = Shop.createOrder(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-NOSTOCK", 0));

        evaluate(inDebt).then().body("decision", equalTo("REJECTED")).body("reasons.code", hasItem("OVERDUE_DEBT"));
        evaluate(noStock).then().body("decision", equalTo("REJECTED")).body("reasons.code", hasItem("OUT_OF_STOCK"));
    }

    @Test
    void storesTheEvaluationWithItsFactsFiringsAndRulesetHash() {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        int evaluationId = evaluate(id).then().statusCode(200).extract().path("evaluationId");

        Object[] row = (Object[]) db.createNativeQuery("select e.decision, e.ruleset_hash, e.facts::text,"
                        + " e.actor, e.drools_version, (select count(*) from rule_firing f where f.evaluation_id = e.id)"
                        + " from evaluation e where e.id = ?1").setParameter(1, evaluationId).getSingleResult();

        assertThat(row[0]).isEqualTo("RELEASED");
        assertThat((String) row[1]).hasSize(64);
        JsonPath facts = JsonPath.from((String) row[2]);
        assertThat(facts.getString("order.evaluatedAt")).isNotBlank();
        assertThat(facts.getString("order.postalCode")).isEqualTo("15046");
        assertThat(facts.getList("items.productCode")).containsExactly("T-FIBER-300");
        assertThat(facts.getInt("customer.creditScore")).isEqualTo(780);
        assertThat(facts.getList("technologies.technology")).contains("FTTH", "HFC");
        assertThat(row[3]).isNotNull();
        assertThat(row[4]).isEqualTo("10.2.0");
        assertThat(((Number) row[5]).intValue()).isGreaterThan(5);
    }

    @Test
    void refusesASecondEvaluationWith409NamingTheState() {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        evaluate(id).then().statusCode(200);
        long evaluations = count("evaluation");

        evaluate(id).then().statusCode(409).contentType("application/problem+json")
                .header("Location", endsWith("/api/orders/" + id))
                .body("currentState", equalTo("inProgress")).body("location", equalTo("/api/orders/" + id))
                .body("allowedActions", contains("GET /api/orders/" + id + "/evaluation"));
        assertThat(count("evaluation")).isEqualTo(evaluations);
    }

    @Test
    void triesAnOrderBodyWithoutStoringAnything() {
        long orders = count("orders");
        long evaluations = count("evaluation");
        String dni = Shop.newDni();

        given().contentType(ContentType.JSON).body(Shop.fibreOrder(dni, "15311")).post("/api/evaluations").then()
                .statusCode(200).body("decision", equalTo("REJECTED")).body("stored", equalTo(false))
                .body("reasons[0].code", equalTo("NO_FIBRE_AT_ADDRESS")).body("firedRules.size()", notNullValue());

        assertThat(count("orders")).isEqualTo(orders);
        assertThat(count("evaluation")).isEqualTo(evaluations);
        given().get("/api/customers/DNI/" + dni).then().statusCode(404);
    }

    @Test
    void answersUnknownOrdersAndOrdersNotYetEvaluatedWith404() {
        evaluate(987654321L).then().statusCode(404).contentType("application/problem+json");
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        given().get("/api/orders/" + id + "/evaluation").then().statusCode(404);
    }

    @Transactional
    long count(String table) {
        return ((Number) db.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }


    static io.restassured.response.Response evaluate(long id) {
        return given().post("/api/orders/" + id + "/evaluation");
    }
}
