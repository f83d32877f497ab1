package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/**
 * The chain follows commit order numerically even when transaction ids gain a digit (9999 → 10000): one sealing
 * batch that holds both sides of the boundary seals them in number order, and the sealer goes on afterwards.
 */
@QuarkusTest
class ChainOrderTest {

    private static final int ORDERS = 15;
    /** Transaction ids left before the boundary: each evaluation takes one, so a few land on each side. */
    private static final int MARGIN = 5;

    @Test
    void sealsEvaluationsOnBothSidesOfATransactionIdGainingADigitInNumberOrder() throws Exception {
        Shop.open();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15046")));
        }
        List<Long> xids = new ArrayList<>();
        try (Connection owner = OwnerConnection.open(); Statement s = owner.createStatement()) {
            long boundary = nextPowerOfTen(nextXid(s));
            burnTransactionIds(s, boundary - MARGIN);
            // an open transaction older than every evaluation below holds the sealer back, so one batch takes them all
            try (Connection blocker = OwnerConnection.open(); Statement hold = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                hold.execute("select pg_current_xact_id()");
                for (long order : orders) {
                    given().post("/api/orders/" + order + "/evaluation").then().statusCode(200);
                    xids.add(xidOf(s, AuditFixture.evaluationOf(order)));
                    if (xids.get(xids.size() - 1) >= boundary) {
                        break;
                    }
                }
                blocker.rollback();
            }
            assertThat(xids).as("evaluations on both sides of %d", boundary)
                    .anyMatch(x -> x < boundary).anyMatch(x -> x >= boundary);

            for (long order : orders.subList(0, xids.size())) {
                AppendOnlyRecordTest.awaitSeal(AuditFixture.evaluationOf(order));
            }
            assertThat(sealsOutOfOrder(s)).as("seals whose (xid, id) is below the previous seal's").isZero();
        }
        given().get("/api/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    private static long nextXid(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long nextPowerOfTen(long xid) {
        long power = 10;
        while (power <= xid + MARGIN) {
            power *= 10;
        }
        return power;
    }

    /** Uses up transaction ids (each a committed empty transaction) until the next one is {@code target}. */
    private static void burnTransactionIds(Statement s, long target) throws SQLException {
        s.execute("set synchronous_commit = off");
        for (long left = target - nextXid(s); left > 0; left = target - nextXid(s)) {
            s.execute("begin; select pg_current_xact_id(); commit;".repeat((int) Math.min(left, 1_000)));
        }
        s.execute("reset synchronous_commit");
    }

    private static long xidOf(Statement s, long evaluation) throws SQLException {
        try (ResultSet rs = s.executeQuery("select xid::text::bigint from evaluation where id = " + evaluation)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sealsOutOfOrder(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from (select evaluation_xid, evaluation_id,"
                + " lag(evaluation_xid) over w as prev_xid, lag(evaluation_id) over w as prev_id"
                + " from evaluation_seal window w as (order by seq)) links"
                + " where (evaluation_xid, evaluation_id) < (prev_xid, prev_id)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
