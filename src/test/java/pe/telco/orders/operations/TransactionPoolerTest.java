package pe.telco.orders.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import pe.telco.orders.rules.RulesetUploads;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * The key flows work as they must behind a pooler in transaction mode: the driver prepares nothing on the server,
 * the service runs without LISTEN, and no flow leaves session state (prepared statements, LISTEN, session-level
 * advisory locks, a changed isolation level) on the connections it used.
 */
@QuarkusTest
@TestProfile(TransactionPoolerProfile.class)
class TransactionPoolerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource db;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @AfterEach
    void backToOriginalRules() {
        LiveRules.restoreVersionOne();
    }

    @Test
    void theDriverPreparesNoStatementOnTheServer() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertThat(c.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
        }
    }

    @Test
    void ordersAreDecidedStoredAndSealedAndTheChainVerifies() {
        long order = Shop.releasedOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        long evaluation = ((Number) given().get("/api/orders/" + order + "/evaluation").then().statusCode(200)
                .body("decision", equalTo("RELEASED")).extract().path("evaluationId")).longValue();

        Eventually.within(WAIT, "the evaluation sealed", () -> given().get("/api/audit/evaluations/" + evaluation)
                .then().statusCode(200).extract().path("seal.hash"), hash -> hash != null);
        given().get("/api/audit/verification").then().statusCode(200).body("valid", equalTo(true));

        assertNoSessionStateLeftOnAnyPooledConnection();
    }

    @Test
    void aRulesetIsUploadedActivatedAndDecidesTheNextOrder() {
        int candidate = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201)
                .extract().path("version");
        given().auth().preemptive().basic("rita.rules", "rules-secret").contentType(ContentType.JSON)
                .body(Map.of("comment", "behind a pooler")).post("/api/rulesets/" + candidate + "/activation")
                .then().statusCode(200);

        long order = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        given().post("/api/orders/" + order + "/evaluation").then().statusCode(200)
                .body("rulesetVersion", equalTo(candidate));

        assertNoSessionStateLeftOnAnyPooledConnection();
    }

    /** Borrows every connection the pool holds at once and asks each for what a session could have kept. */
    private void assertNoSessionStateLeftOnAnyPooledConnection() {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                borrowed.add(db.getConnection());
            }
            for (Connection c : borrowed) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select"
                        + " (select count(*) from pg_prepared_statements),"
                        + " (select count(*) from pg_listening_channels()),"
                        + " (select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()),"
                        + " current_setting('default_transaction_isolation')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("server-side prepared statements").isZero();
                    assertThat(rs.getLong(2)).as("LISTEN channels").isZero();
                    assertThat(rs.getLong(3)).as("advisory locks held by the session").isZero();
                    assertThat(rs.getString(4)).as("the session's isolation level").isEqualTo("read committed");
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            for (Connection c : borrowed) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // returned to the pool regardless
                }
            }
        }
    }
}
