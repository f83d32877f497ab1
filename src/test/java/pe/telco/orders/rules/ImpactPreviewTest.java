package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.BulkHistoryProfile;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * Impact preview on a fixture history of 10,000 past credit decisions whose scores run 0..999: raising the low-score
 * threshold from 449 to 499 turns exactly the 450..499 band (500 orders) from HELD to REJECTED.
 */
@QuarkusTest
@TestProfile(BulkHistoryProfile.class)
class ImpactPreviewTest {

    private static final String FROM = "2020-01-01T00:00:00Z";
    private static final String TO = "2020-01-02T00:00:00Z";
    private static boolean history;

    @Inject
    EntityManager db;

    @BeforeEach
    void pastDecisions() {
        Shop.open();
        LiveRules.restoreVersionOne();
        if (!history) {
            long id = Shop.createOrder(Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12));
            given().post("/api/orders/" + id + "/evaluation").then().statusCode(200).body("decision", equalTo("HELD"));
            long started = System.nanoTime();
            insertHistory(id);
            System.out.printf("Inserted 10,000 orders and evaluations in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            history = true;
        }
    }

    @Transactional
    void insertHistory(long templateOrder) {
        db.createNativeQuery("insert into orders (order_number, external_id, channel, customer_id,"
                + " customer_document_type, customer_document_number, customer_name, customer_segment, payment_method,"
                + " currency, state, created_at, updated_at)"
                + " select 'IMP-' || g, 'IMP-' || g, channel, customer_id, customer_document_type,"
                + " customer_document_number, customer_name, customer_segment, payment_method, currency, 'pending',"
                + " timestamptz '" + FROM + "' + g * interval '1 second', timestamptz '" + FROM + "'"
                + " from orders, generate_series(1, 10000) g where id = ?1").setParameter(1, templateOrder)
                .executeUpdate();
        db.createNativeQuery("insert into evaluation (order_id, order_number, channel, customer_document, decision,"
                + " ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros, actor, app_version,"
                + " drools_version)"
                + " select o.id, o.order_number, e.channel, e.customer_document, 'HELD', e.ruleset_version,"
                + " e.ruleset_hash, jsonb_set(e.facts, '{customer,creditScore}', to_jsonb(substr(o.order_number, 5)::int % 1000)),"
                + " e.results, o.created_at, e.duration_micros, 'test:history', e.app_version, e.drools_version"
                + " from orders o, (select * from evaluation where order_id = ?1) e where o.order_number like 'IMP-%'")
                .setParameter(1, templateOrder).executeUpdate();
    }

    @Test
    void countsTheDecisionsAThresholdChangeWouldTurnAndNamesOrdersAndRules() throws Exception {
        int candidate = RulesetUploads.upload("ana", Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-030").getRowIndex(), Workbooks.column(sheet, "Puntaje hasta"))
                .setCellValue(499))).then().statusCode(201).extract().path("version");

        long started = System.nanoTime();
        String location = RulesetUploads.as("ana").contentType(ContentType.JSON)
                .body(Map.of("from", FROM, "to", TO)).post("/api/rulesets/" + candidate + "/impact")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = awaitFinished(location);
        System.out.printf("Impact preview of 10,000 past evaluations took %d ms (job %d ms)%n",
                (System.nanoTime() - started) / 1_000_000, job.getLong("report.millis"));

        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("total")).isEqualTo(10_000);
        assertThat(job.getInt("processed")).isEqualTo(10_000);
        assertThat(job.getInt("failed")).isZero();
        assertThat(job.getInt("changed")).isEqualTo(500);
        assertThat(job.getMap("report.transitions")).containsExactly(Map.entry("HELD → REJECTED", 500));
        assertThat(job.getMap("report.rules")).containsEntry("CREDIT-030", 500).containsEntry("CREDIT-100", 500);
        assertThat(job.getList("report.orders")).hasSize(500);
        assertThat(job.getString("report.orders[0].orderNumber")).startsWith("IMP-");
        assertThat(job.getBoolean("report.orders[0].decisionChanged")).isTrue();
        assertThat(job.getString("report.orders[0].ordered.customer")).startsWith("DNI ").endsWith("(RESIDENTIAL)");
        assertThat(job.getList("report.orders[0].ordered.items", String.class)).containsExactly("1 × T-PHONE-A15");
        assertThat(job.getList("report.orders[0].reasonsBefore", String.class))
                .contains("CREDIT REVIEW BORDERLINE_CREDIT");
        assertThat(job.getList("report.orders[0].reasonsAfter", String.class)).contains("CREDIT FAIL LOW_CREDIT_SCORE");
        assertThat(job.getInt("report.reasonsChanged")).isZero();
        assertThat(job.getInt("baselineVersion")).isEqualTo(1);
    }

    @Test
    void aPreviewCanBeCancelled() throws Exception {
        int candidate = RulesetUploads.upload("ana", Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-030").getRowIndex(), Workbooks.column(sheet, "Puntaje hasta"))
                .setCellValue(479))).then().statusCode(201).extract().path("version");
        String location = given().contentType(ContentType.JSON).body(Map.of("last", 10_000))
                .post("/api/rulesets/" + candidate + "/impact").then().statusCode(202).extract().header("Location");

        given().delete(location).then().statusCode(202).body("cancelRequested", equalTo(true));
        JsonPath job = awaitFinished(location);

        assertThat(job.getString("state")).isEqualTo("CANCELLED");
        assertThat(job.getInt("processed")).isLessThan(10_000);
        given().delete(location).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/rulesets/" + candidate + "/impact")
                .then().statusCode(400);
        given().get("/api/rulesets/impact/987654").then().statusCode(404);
    }

    private static JsonPath awaitFinished(String location) {
        return Eventually.within(Duration.ofMinutes(3), "finished: the impact preview " + location,
                () -> given().get(location).then().statusCode(200).extract().jsonPath(),
                job -> !job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING"));
    }
}
