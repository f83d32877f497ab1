package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/** The application's role cannot change the record; triggers stop even the owner; a change made anyway is found. */
@QuarkusTest
class AppendOnlyRecordTest {

    @Inject
    DataSource app;

    @Test
    void theApplicationRoleMayNotUpdateDeleteOrTruncateTheRecord() throws SQLException {
        long evaluation = sealedEvaluation();
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select current_user").next()).isTrue();
            for (String sql : new String[] {
                    "update evaluation set actor = 'x' where id = " + evaluation,
                    "delete from evaluation where id = " + evaluation,
                    "truncate evaluation cascade",
                    "update rule_firing set outcome = 'PASS' where evaluation_id = " + evaluation,
                    "delete from rule_firing where evaluation_id = " + evaluation,
                    "truncate rule_firing",
                    "delete from evaluation_seal where evaluation_id = " + evaluation}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void triggersRefuseChangesEvenFromTheOwner() throws SQLException {
        long evaluation = sealedEvaluation();
        try (Connection c = OwnerConnection.open(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("update evaluation set actor = 'x' where id = " + evaluation))
                    .hasMessageContaining("evaluation is append-only: UPDATE refused");
            assertThatThrownBy(() -> s.execute("delete from rule_firing where evaluation_id = " + evaluation))
                    .hasMessageContaining("rule_firing is append-only: DELETE refused");
            assertThatThrownBy(() -> s.execute("truncate rule_firing"))
                    .hasMessageContaining("rule_firing is append-only: TRUNCATE refused");
            assertThatThrownBy(() -> s.execute("update evaluation_seal set hash = 'x' where evaluation_id = "
                    + evaluation)).hasMessageContaining("append-only");
        }
    }

    @Test
    void verificationFindsTheEvaluationAlteredBehindTheTriggers() throws SQLException {
        long evaluation = sealedEvaluation();
        given().get("/api/audit/verification").then().statusCode(200).body("valid", equalTo(true));
        try (Connection c = OwnerConnection.open(); Statement s = c.createStatement()) {
            s.execute("alter table evaluation disable trigger evaluation_append_only");
            try {
                s.execute("update evaluation set decision = 'RELEASED' where id = " + evaluation);
            } finally {
                s.execute("alter table evaluation enable trigger evaluation_append_only");
            }
            given().get("/api/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.evaluationId", equalTo((int) evaluation))
                    .body("firstBroken.reason", org.hamcrest.Matchers.containsString("changed after it was sealed"));

            s.execute("alter table evaluation disable trigger evaluation_append_only");
            try {
                s.execute("update evaluation set decision = 'REJECTED' where id = " + evaluation);
            } finally {
                s.execute("alter table evaluation enable trigger evaluation_append_only");
            }
        }
        given().get("/api/audit/verification").then().body("valid", equalTo(true)).body("firstBroken", equalTo(null));
    }

    /** A rejected evaluation of a new customer, once the sealer has chained it. */
    static long sealedEvaluation() {
        Shop.open();
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15311"));
        given().post("/api/orders/" + order + "/evaluation").then().statusCode(200).body("decision", equalTo("REJECTED"));
        long evaluation = AuditFixture.evaluationOf(order);
        awaitSeal(evaluation);
        return evaluation;
    }

    static void awaitSeal(long evaluation) {
        Eventually.within(Duration.ofSeconds(60), "sealed: evaluation " + evaluation,
                () -> given().get("/api/audit/evaluations/" + evaluation).then().extract().path("seal") != null);
        given().get("/api/audit/evaluations/" + evaluation).then().body("seal.hash", notNullValue());
    }
}
