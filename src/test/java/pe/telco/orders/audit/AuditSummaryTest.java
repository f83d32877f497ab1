package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/** A period's counts by decision, channel, version, check and reason, rule; and the rules that never fired in it. */
@QuarkusTest
class AuditSummaryTest {

    @Inject
    DataSource db;

    @Test
    void countsAPeriodAndNamesItsDeadRules() throws SQLException {
        OffsetDateTime from = OffsetDateTime.of(1995, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5))
                .plusDays(ThreadLocalRandom.current().nextInt(3_000));
        Shop.open();
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        insert(order, from.plusMinutes(1), "RELEASED", "WEB", "PASS", "FIBRE_AVAILABLE", List.of("CHK-004", "COV-030"));
        insert(order, from.plusMinutes(2), "REJECTED", "WEB", "FAIL", "NO_FIBRE_AT_ADDRESS", List.of("CHK-004", "COV-010"));
        insert(order, from.plusMinutes(3), "REJECTED", "APP", "FAIL", "NO_FIBRE_AT_ADDRESS", List.of("CHK-004", "COV-010"));

        JsonPath summary = given().queryParam("from", from.toString()).queryParam("to", from.plusHours(1).toString())
                .get("/api/audit/summary").then().statusCode(200).body("evaluations", equalTo(3))
                .extract().jsonPath();

        assertThat(summary.getInt("byDecision.find { it.value == 'REJECTED' }.count")).isEqualTo(2);
        assertThat(summary.getInt("byDecision.find { it.value == 'RELEASED' }.count")).isEqualTo(1);
        assertThat(summary.getInt("byChannel.find { it.value == 'WEB' }.count")).isEqualTo(2);
        assertThat(summary.getInt("byRulesetVersion.find { it.value == '1' }.count")).isEqualTo(3);
        assertThat(summary.getInt("byCheckAndReason.find { it.reasonCode == 'NO_FIBRE_AT_ADDRESS' }.count"))
                .isEqualTo(2);
        assertThat(summary.getString("byCheckAndReason.find { it.reasonCode == 'NO_FIBRE_AT_ADDRESS' }.check"))
                .isEqualTo("COVERAGE");
        assertThat(summary.getInt("byRule.find { it.value == 'CHK-004' }.count")).isEqualTo(3);
        assertThat(summary.getInt("byRule.find { it.value == 'COV-010' }.count")).isEqualTo(2);
        List<String> dead = summary.getList("deadRules.ruleId");
        assertThat(dead).contains("COV-020", "CREDIT-070", "INV-001").doesNotContain("CHK-004", "COV-010", "COV-030");
        assertThat(summary.getString("deadRules.find { it.ruleId == 'COV-020' }.sheet")).isEqualTo("Cobertura");
        assertThat(summary.getInt("deadRules.find { it.ruleId == 'COV-020' }.row")).isEqualTo(12);
    }

    private void insert(long order, OffsetDateTime at, String decision, String channel, String outcome, String code,
            List<String> rules) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into evaluation"
                + " (order_id, order_number, channel, customer_document, decision, ruleset_version, ruleset_hash,"
                + " facts, results, evaluated_at, duration_micros, actor, app_version, drools_version)"
                + " values (?, 'FIXTURE', ?, 'DNI:00000000', ?, 1, 'fixture', '{}'::jsonb, ?::jsonb, ?, 1, 'test',"
                + " 'test', 'test') returning id")) {
            s.setLong(1, order);
            s.setString(2, channel);
            s.setString(3, decision);
            s.setString(4, "[{\"check\":\"COVERAGE\",\"line\":1,\"outcome\":\"" + outcome + "\",\"code\":\"" + code
                    + "\"},{\"check\":\"TERMS\",\"line\":0,\"outcome\":\"PASS\",\"code\":\"TERMS_ACCEPTED\"}]");
            s.setObject(5, at);
            var rs = s.executeQuery();
            rs.next();
            long id = rs.getLong(1);
            for (int i = 0; i < rules.size(); i++) {
                try (PreparedStatement f = c.prepareStatement("insert into rule_firing (evaluation_id, evaluated_at,"
                        + " sequence, rule_id, rule_name) values (?, ?, ?, ?, ?)")) {
                    f.setLong(1, id);
                    f.setObject(2, at);
                    f.setInt(3, i + 1);
                    f.setString(4, rules.get(i));
                    f.setString(5, rules.get(i));
                    f.executeUpdate();
                }
            }
        }
    }
}
