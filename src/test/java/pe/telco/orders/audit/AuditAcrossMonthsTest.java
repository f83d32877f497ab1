package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import pe.telco.orders.audit.record.DecisionEntry;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.engine.DroolsVersion;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.evaluation.Decider;
import pe.telco.orders.evaluation.FactsGatherer;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.support.Shop;

/**
 * Issue 18's audit that grows for years: evaluations in three months land in three monthly partitions and one chain
 * carried month to month; a retention run on the oldest month, requested by one person and approved by another,
 * pseudonymises its personal data except for an order under legal hold, and verification reports the recorded
 * removal instead of a broken chain.
 */
@QuarkusTest
class AuditAcrossMonthsTest {

    @Inject
    DataSource app;
    @Inject
    OrderService orders;
    @Inject
    FactsGatherer gatherer;
    @Inject
    Decider decider;
    @Inject
    DecisionRecord record;

    @Test
    void threeMonthsArePartitionedChainedAndTheOldestIsPseudonymisedByTwoPeopleExceptTheHeldOrder() throws Exception {
        Shop.open();
        YearMonth now = YearMonth.now(OperatorTime.ZONE);
        YearMonth oldest = now.minusMonths(6);
        YearMonth middle = now.minusMonths(5);
        YearMonth newest = now.minusMonths(4);
        String pseudonymisedDni = Shop.newDni();
        String heldDni = Shop.newDni();
        String laterDni = Shop.newDni();
        long pseudonymised = evaluatedIn(oldest, pseudonymisedDni);
        long held = evaluatedIn(oldest, heldDni);
        long inMiddle = evaluatedIn(middle, laterDni);
        long inNewest = evaluatedIn(newest, laterDni);
        for (long evaluation : List.of(pseudonymised, held, inMiddle, inNewest)) {
            AppendOnlyRecordTest.awaitSeal(evaluation);
        }

        // partitions: each evaluation and its firings sit in their month's own table
        assertThat(partitionOf("evaluation", pseudonymised)).isEqualTo(partition("evaluation", oldest));
        assertThat(partitionOf("evaluation", inMiddle)).isEqualTo(partition("evaluation", middle));
        assertThat(partitionOf("evaluation", inNewest)).isEqualTo(partition("evaluation", newest));
        assertThat(partitionOf("rule_firing", inNewest)).isEqualTo(partition("rule_firing", newest));
        List<String> months = as("olga.ops").get("/api/audit/retention-runs/months").then().statusCode(200).extract()
                .path("month");
        assertThat(months).contains(oldest.toString(), middle.toString(), newest.toString(), now.toString(),
                now.plusMonths(3).toString());

        // one chain, carried month to month: each month starts from the previous month's final hash
        JsonPath before = verification();
        assertThat(before.getBoolean("valid")).isTrue();
        Map<String, Object> first = month(before, oldest);
        Map<String, Object> second = month(before, middle);
        Map<String, Object> third = month(before, newest);
        assertThat((int) first.get("links")).isEqualTo(2);
        assertThat(second.get("carriedFrom")).isEqualTo(oldest.toString());
        assertThat(second.get("carriedHash")).isEqualTo(first.get("headHash"));
        assertThat(third.get("carriedFrom")).isEqualTo(middle.toString());
        assertThat(third.get("carriedHash")).isEqualTo(second.get("headHash"));

        // legal hold on one order of the oldest month, recorded with who and why
        long heldOrder = orderOf(held);
        long hold = ((Number) as("aldo.auditor").contentType(ContentType.JSON)
                .body(Map.of("orderId", heldOrder, "reason", "Reclamo INDECOPI 2026-123"))
                .post("/api/audit/legal-holds").then().statusCode(201).body("placedBy", equalTo("aldo.auditor"))
                .body("active", equalTo(true)).extract().path("id")).longValue();
        as("olga.ops").contentType(ContentType.JSON).body(Map.of("orderId", heldOrder, "reason", "otra vez"))
                .post("/api/audit/legal-holds").then().statusCode(409);

        // four eyes: the requester cannot approve; a second person does, and the run is applied
        long run = ((Number) as("olga.ops").contentType(ContentType.JSON)
                .body(Map.of("month", oldest.toString(), "reason", "Ley 29733: plazo de conservación vencido"))
                .post("/api/audit/retention-runs").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().path("id")).longValue();
        as("olga.ops").post("/api/audit/retention-runs/" + run + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("a different person"));
        as("aldo.auditor").post("/api/audit/retention-runs/" + run + "/approval").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("requestedBy", equalTo("olga.ops"))
                .body("approvedBy", equalTo("aldo.auditor")).body("pseudonymised", equalTo(1))
                .body("held", equalTo(1));

        // personal data gone from the oldest month's facts, kept for the held order and the later months
        String facts = factsOf(pseudonymised);
        assertThat(facts).doesNotContain(pseudonymisedDni).contains("\"documentNumber\": \"P-");
        as("aldo.auditor").get("/api/audit/evaluations/" + pseudonymised).then().statusCode(200)
                .body("customerDocument", org.hamcrest.Matchers.startsWith("DNI:P-"));
        assertThat(factsOf(held)).contains(heldDni);
        assertThat(factsOf(inMiddle)).contains(laterDni);

        // verification: still valid, the removal accounted for, and the run named with both people
        JsonPath after = verification();
        assertThat(after.getBoolean("valid")).as(after.prettify()).isTrue();
        assertThat(after.getLong("pseudonymised")).isGreaterThanOrEqualTo(1);
        assertThat((int) month(after, oldest).get("pseudonymised")).isEqualTo(1);
        Map<String, Object> report = after.getMap("retentionRuns.find { it.id == " + run + " }");
        assertThat(report).containsEntry("requestedBy", "olga.ops").containsEntry("approvedBy", "aldo.auditor")
                .containsEntry("valid", true).containsEntry("month", oldest.toString());

        // the narrow path stays narrow: the function refuses a run nobody approved, the triggers every other change
        long unapproved = ((Number) as("aldo.auditor").contentType(ContentType.JSON)
                .body(Map.of("month", middle.toString(), "reason", "prueba")).post("/api/audit/retention-runs")
                .then().statusCode(201).extract().path("id")).longValue();
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("select audit_pseudonymise(" + unapproved + ", " + inMiddle
                    + ", '{}'::jsonb, 'DNI:x', 1, 'x', 'x', array['x'])"))
                    .hasMessageContaining("is not approved by a second person");
        }
        try (Connection c = OwnerConnection.open(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("select set_config('orders.audit.pseudonymising', '1', false);"
                    + " update evaluation set actor = 'someone else' where id = " + pseudonymised))
                    .hasMessageContaining("evaluation is append-only: UPDATE refused");
        }

        // a change after the pseudonymisation is still found, and named as such
        try (Connection c = OwnerConnection.open(); Statement s = c.createStatement()) {
            s.execute("alter table evaluation disable trigger evaluation_append_only");
            try {
                s.execute("update evaluation set actor = 'someone' where id = " + pseudonymised);
                given().auth().preemptive().basic("aldo.auditor", "auditor-secret").get("/api/audit/verification")
                        .then().body("valid", equalTo(false))
                        .body("firstBroken.evaluationId", equalTo((int) pseudonymised))
                        .body("firstBroken.reason", containsString("changed after retention run " + run));
                s.execute("update evaluation set actor = 'web' where id = " + pseudonymised);
            } finally {
                s.execute("alter table evaluation enable trigger evaluation_append_only");
            }
        }
        assertThat(verification().getBoolean("valid")).isTrue();

        // lifting the hold is recorded too
        as("olga.ops").contentType(ContentType.JSON).body(Map.of("reason", "Reclamo cerrado"))
                .post("/api/audit/legal-holds/" + hold + "/lifting").then().statusCode(200)
                .body("liftedBy", equalTo("olga.ops")).body("active", equalTo(false));
    }

    @Test
    void aMonthTooRecentOrABadMonthIsRefusedWithAProblem() {
        YearMonth recent = YearMonth.now(OperatorTime.ZONE).minusMonths(1);
        as("olga.ops").contentType(ContentType.JSON).body(Map.of("month", recent.toString(), "reason", "x"))
                .post("/api/audit/retention-runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
        as("olga.ops").contentType(ContentType.JSON).body(Map.of("month", "2026-13", "reason", "x"))
                .post("/api/audit/retention-runs").then().statusCode(400).contentType("application/problem+json");
        as("olga.ops").contentType(ContentType.JSON).body(Map.of("orderNumber", "NO-SUCH", "reason", "x"))
                .post("/api/audit/legal-holds").then().statusCode(404).contentType("application/problem+json");
    }

    /** Creates an order through the API and records its evaluation dated mid-month, through the real store code. */
    private long evaluatedIn(YearMonth month, String dni) {
        long orderId = Shop.createOrder(Shop.fibreOrder(dni, "15046"));
        OffsetDateTime at = month.atDay(15).atTime(10, 30).atZone(OperatorTime.ZONE).toOffsetDateTime();
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = orders.get(orderId);
            EvaluationFacts facts = gatherer.forOrder(order, at);
            return record.store(new DecisionEntry(order.getId(), order.getOrderNumber(), order.getChannel().name(),
                    order.getCustomer().documentType() + ":" + order.getCustomer().documentNumber(), facts,
                    decider.decide(facts), at, "web", "test", DroolsVersion.VALUE)).evaluation().getId();
        });
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, Map.of("olga.ops", "ops-secret", "aldo.auditor",
                "auditor-secret").get(user));
    }

    private static JsonPath verification() {
        return as("aldo.auditor").get("/api/audit/verification").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> month(JsonPath verification, YearMonth month) {
        Map<String, Object> section = verification.getMap("months.find { it.month == '" + month + "' }");
        assertThat(section).as("the verification's section for " + month).isNotNull();
        return section;
    }

    private static String partition(String table, YearMonth month) {
        return String.format("%s_y%04dm%02d", table, month.getYear(), month.getMonthValue());
    }

    private String partitionOf(String table, long evaluation) throws SQLException {
        String column = table.equals("evaluation") ? "id" : "evaluation_id";
        return single("select tableoid::regclass::text from " + table + " where " + column + " = " + evaluation
                + " limit 1");
    }

    private String factsOf(long evaluation) throws SQLException {
        return single("select facts::text from evaluation where id = " + evaluation);
    }

    private long orderOf(long evaluation) throws SQLException {
        return Long.parseLong(single("select order_id::text from evaluation where id = " + evaluation));
    }

    private String single(String sql) throws SQLException {
        try (Connection c = app.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
