package pe.telco.orders.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.database.DatabaseCredentials;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/**
 * /q/health/ready: UP with the active ruleset version, the sealer's lag and the outbox backlog while the rules are
 * compiled and the database answers; DOWN (503) while the database does not.
 */
@QuarkusTest
class ReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SEALER_LOCK = 727004;
    private static final long RELAY_POSITION_LOCK = 727016;

    @Inject
    DataSource db;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "orders.embedded-database.data-directory")
    String dataDirectory;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void isUpAndNamesTheActiveRulesetVersionAndItsHash() {
        int active = given().get("/api/rulesets/active").then().statusCode(200).extract().path("version");

        Map<String, Object> data = ordersCheck(given().get("/q/health/ready").then().statusCode(200).extract()
                .jsonPath(), "UP");

        assertThat(data).containsEntry("rulesetVersion", active).containsEntry("database", "answers");
        assertThat((String) data.get("rulesetHash")).hasSize(64);
    }

    @Test
    void reportsEvaluationsWaitingForTheSealerAndEventsWaitingForTheRelay() throws Exception {
        Eventually.within(WAIT, "everything sealed and relayed", () -> readyData(),
                d -> "0".equals(d.get("sealerLagEvaluations")) && "0".equals(d.get("outboxBacklog")));
        try (Connection holder = db.getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            // the sealer and the relay both wait for these locks: what is committed meanwhile stays behind them
            s.execute("select pg_advisory_xact_lock(" + SEALER_LOCK + "), pg_advisory_xact_lock("
                    + RELAY_POSITION_LOCK + ")");
            try {
                Shop.releasedOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));

                Map<String, Object> behind = Eventually.within(WAIT, "the new order's events counted",
                        () -> readyData(), d -> !"0".equals(d.get("outboxBacklog")));
                assertThat(behind).containsEntry("sealerLagEvaluations", "1");
                assertThat(Long.parseLong((String) behind.get("outboxBacklog"))).isGreaterThanOrEqualTo(2);
                assertThat(((Number) behind.get("sealerLagSeconds")).longValue()).isGreaterThanOrEqualTo(0);
                // being behind is reported, not a reason to stop taking orders
                given().get("/q/health/ready").then().statusCode(200);
            } finally {
                holder.rollback();
            }
        }
        Eventually.within(WAIT, "sealed and relayed again once the locks are free", () -> readyData(),
                d -> "0".equals(d.get("sealerLagEvaluations")) && "0".equals(d.get("outboxBacklog")));
    }

    @Test
    void isDownWhileTheDatabaseDoesNotAnswerAndUpWhenItReturns() throws Exception {
        superuser("alter database orders allow_connections false;"
                + " select pg_terminate_backend(pid) from pg_stat_activity where datname = 'orders'"
                + " and pid <> pg_backend_pid();");
        try {
            JsonPath down = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(down.getString("status")).isEqualTo("DOWN");
            assertThat((String) ordersCheck(down, "DOWN").get("database")).startsWith("does not answer");
        } finally {
            superuser("alter database orders allow_connections true;");
        }
        Eventually.within(WAIT, "ready again once the database is back",
                () -> given().get("/q/health/ready").then().extract().statusCode(), status -> status == 200);
    }

    @Test
    void theSealersLagIsReadFromTheChainsHeadOnNotThroughEverySealedEvaluation() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // as a table of years of evaluations would be read: by its (xid, id) index, not scanned whole
            s.execute("set enable_seqscan = off");
            s.execute("set enable_sort = off");
            try (var rs = s.executeQuery("explain " + ServiceReadiness.SEALER_LAG.formatted(1001))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("reset enable_seqscan");
                s.execute("reset enable_sort");
            }
        }

        // the head is where each partition's index scan starts, so a probe reads only what is not sealed yet
        assertThat(plan.toString()).contains("Index Cond: (ROW(xid, id) > ROW(").doesNotContain("Filter:");
    }

    private static Map<String, Object> readyData() {
        return ordersCheck(given().get("/q/health/ready").then().extract().jsonPath(), "UP");
    }

    private static Map<String, Object> ordersCheck(JsonPath health, String status) {
        assertThat(health.getString("checks.find { it.name == 'orders' }.status")).isEqualTo(status);
        return health.getMap("checks.find { it.name == 'orders' }.data");
    }

    private void superuser(String sql) throws SQLException, IOException {
        String target = url.replaceFirst("/orders(\\?.*)?$", "/postgres");
        String password = DatabaseCredentials.read(Path.of(dataDirectory)).superuser();
        try (Connection c = DriverManager.getConnection(target, "postgres", password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
