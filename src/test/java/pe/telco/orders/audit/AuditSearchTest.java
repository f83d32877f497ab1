package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An auditor finds evaluations by every filter, pages and sorts them, reads one in full, and exports CSV. */
@QuarkusTest
class AuditSearchTest {

    static AuditFixture orders;
    static OffsetDateTime before;

    @BeforeEach
    void evaluateThreeOrdersOnce() {
        if (orders == null) {
            before = OffsetDateTime.now().minusSeconds(1);
            orders = AuditFixture.threeDecisions();
        }
    }

    private RequestSpecification mine() {
        return given().queryParam("customerDocument", orders.document);
    }

    @Test
    void findsAllOfACustomersEvaluationsNewestFirst() {
        List<Integer> ids = mine().get("/api/audit/evaluations").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.customerDocument", hasItems(orders.document))
                .extract().path("items.id");
        assertThat(ids).isSortedAccordingTo((a, b) -> b - a);
        List<Integer> oldestFirst = mine().queryParam("sort", "evaluatedAt").get("/api/audit/evaluations").then()
                .extract().path("items.id");
        assertThat(oldestFirst).containsExactlyInAnyOrderElementsOf(ids).isSortedAccordingTo(Integer::compare);
    }

    @Test
    void filtersByDecisionChannelCheckReasonRuleAndVersion() {
        mine().queryParam("decision", "REJECTED").get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo((int) orders.rejected))
                .body("items[0].reasons", hasItem("COVERAGE:NO_FIBRE_AT_ADDRESS"));
        mine().queryParam("channel", "app").get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo((int) orders.held));
        mine().queryParam("check", "CREDIT").get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo((int) orders.held));
        mine().queryParam("check", "COVERAGE").queryParam("reasonCode", "NO_FIBRE_AT_ADDRESS")
                .get("/api/audit/evaluations").then().body("total", equalTo(1));
        mine().queryParam("check", "CREDIT").queryParam("reasonCode", "NO_FIBRE_AT_ADDRESS")
                .get("/api/audit/evaluations").then().body("total", equalTo(0));
        mine().queryParam("ruleId", "COV-030").get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo((int) orders.released));
        mine().queryParam("rulesetVersion", 1).get("/api/audit/evaluations").then().body("total", equalTo(3));
        mine().queryParam("rulesetVersion", 999).get("/api/audit/evaluations").then().body("total", equalTo(0));
    }

    @Test
    void filtersByOrderAndTime() {
        String number = given().get("/api/orders/" + orders.rejected).then().extract().path("orderNumber");
        given().queryParam("orderId", orders.rejected).get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderNumber", equalTo(number));
        given().queryParam("orderNumber", number).get("/api/audit/evaluations").then()
                .body("total", equalTo(1)).body("items[0].orderId", equalTo((int) orders.rejected));
        mine().queryParam("from", before.toString()).get("/api/audit/evaluations").then().body("total", equalTo(3));
        mine().queryParam("to", before.toString()).get("/api/audit/evaluations").then().body("total", equalTo(0));
        mine().queryParam("from", "yesterday").get("/api/audit/evaluations").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void pagesAtMostTwoHundred() {
        mine().queryParam("size", 2).get("/api/audit/evaluations").then()
                .body("items.size()", equalTo(2)).body("total", equalTo(3));
        mine().queryParam("size", 2).queryParam("page", 1).get("/api/audit/evaluations").then()
                .body("items.size()", equalTo(1));
        mine().queryParam("size", 201).get("/api/audit/evaluations").then().statusCode(400);
    }

    @Test
    void readsOneEvaluationInFull() {
        long id = AuditFixture.evaluationOf(orders.rejected);
        given().get("/api/audit/evaluations/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("decision", equalTo("REJECTED"))
                .body("actor", equalTo(pe.telco.orders.access.TesterCredentials.USER))
                .body("rulesetVersion", equalTo(1))
                .body("rulesetHash", notNullValue())
                .body("appVersion", notNullValue())
                .body("droolsVersion", equalTo("10.2.0"))
                .body("facts.order.postalCode", equalTo("15311"))
                .body("facts.order.evaluatedAt", notNullValue())
                .body("results.code", hasItem("NO_FIBRE_AT_ADDRESS"))
                .body("firings.ruleId", hasItems("CHK-002", "COV-010", "DEC-001"))
                .body("firings.find { it.ruleId == 'COV-010' }.sheet", equalTo("Cobertura"));
        given().get("/api/audit/evaluations/999999999").then().statusCode(404);
    }

    @Test
    void theOrderHistoryNamesTheEvaluationItsActorAndCause() {
        long id = AuditFixture.evaluationOf(orders.rejected);
        given().get("/api/orders/" + orders.rejected + "/history").then().statusCode(200)
                .body("find { it.milestone == 'evaluated' }.actor", equalTo(pe.telco.orders.access.TesterCredentials.USER))
                .body("find { it.milestone == 'evaluated' }.toState", equalTo("rejected"))
                .body("find { it.milestone == 'evaluated' }.cause", org.hamcrest.Matchers.containsString(
                        "Decision REJECTED under ruleset version 1 (evaluation " + id + ","))
                .body("findAll { it.milestone == 'evaluated' }.size()", equalTo(1));
    }

    @Test
    void listsTheFiringsOfARule() {
        mine().get("/api/audit/rules/COV-010/firings").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].ruleId", equalTo("COV-010"))
                .body("items[0].source", equalTo("coverage.drl.xlsx"))
                .body("items[0].reasonCode", equalTo("NO_FIBRE_AT_ADDRESS"))
                .body("items[0].decision", equalTo("REJECTED"))
                .body("items[0].sheet", equalTo("Cobertura")).body("items[0].row", greaterThan(10))
                .body("items[0]", not(hasKey("line")));
        // a DRL rule is found by file and line, named as in an evaluation's firedRules
        mine().get("/api/audit/rules/DEC-001/firings").then().statusCode(200)
                .body("items[0].source", equalTo("decision.drl")).body("items[0].line", greaterThan(0))
                .body("items[0]", not(hasKey("row")));
        String csv = mine().accept("text/csv").get("/api/audit/rules/COV-010/firings").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("evaluationId,orderNumber");
    }

    @Test
    void exportsTheSameSearchAsCsv() {
        String csv = mine().accept("text/csv").get("/api/audit/evaluations").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv).contains("COVERAGE:NO_FIBRE_AT_ADDRESS").contains(orders.document);
        String export = mine().queryParam("decision", "HELD").get("/api/audit/evaluations/export").then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString("evaluations.csv"))
                .extract().asString();
        assertThat(export.lines()).hasSize(2);
    }
}
