package pe.telco.orders.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/** Evaluations committed by eight channels at once are all sealed, once each, into one valid chain. */
@QuarkusTest
class ConcurrentSealingTest {

    private static final Logger LOG = Logger.getLogger(ConcurrentSealingTest.class);
    private static final int THREADS = 8;
    private static final int ORDERS_EACH = 10;

    @Inject
    DataSource db;

    @Test
    void sealsConcurrentEvaluationsIntoAValidChain() throws Exception {
        Shop.open();
        long started = System.nanoTime();
        List<Long> orders = Race.times(THREADS, () -> {
            List<Long> channelOrders = new ArrayList<>();
            for (int i = 0; i < ORDERS_EACH; i++) {
                long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), i % 2 == 0 ? "15046" : "15311"));
                given().post("/api/orders/" + order + "/evaluation").then().statusCode(200);
                channelOrders.add(order);
            }
            return channelOrders;
        }).stream().flatMap(List::stream).toList();
        long evaluatedMillis = (System.nanoTime() - started) / 1_000_000;
        List<Long> evaluations = orders.stream().map(AuditFixture::evaluationOf).toList();
        evaluations.forEach(AppendOnlyRecordTest::awaitSeal);

        given().get("/api/audit/verification").then().statusCode(200).body("valid", equalTo(true));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*),"
                + " count(distinct s.seq), avg(extract(epoch from s.sealed_at - e.evaluated_at) * 1000 - e.duration_micros / 1000.0),"
                + " max(extract(epoch from s.sealed_at - e.evaluated_at) * 1000 - e.duration_micros / 1000.0)"
                + " from evaluation e join evaluation_seal s on s.evaluation_id = e.id where e.id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", evaluations.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(THREADS * ORDERS_EACH);
                assertThat(rs.getInt(2)).isEqualTo(THREADS * ORDERS_EACH);
                LOG.infof("%d evaluations on %d threads in %d ms; seal lag after the rules ran: avg %.0f ms, max %.0f ms",
                        THREADS * ORDERS_EACH, THREADS, evaluatedMillis, rs.getDouble(3), rs.getDouble(4));
            }
        }
    }
}
