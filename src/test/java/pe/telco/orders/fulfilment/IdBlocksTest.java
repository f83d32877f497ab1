package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.fulfilment.Fulfil.FIBRE;
import static pe.telco.orders.fulfilment.Fulfil.PHONE;
import static pe.telco.orders.fulfilment.Fulfil.goodPayer;
import static pe.telco.orders.fulfilment.Fulfil.home;
import static pe.telco.orders.fulfilment.Fulfil.order;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.Ids;

/**
 * Items, history entries, shipments and work orders are numbered in blocks drawn from their tables' sequences: the
 * sequences step by the block the service uses, and a writer that takes the column default in between (another
 * instance, a repair script) never collides with the service's numbers.
 */
@QuarkusTest
class IdBlocksTest {

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        Fulfil.open();
    }

    @Test
    void everyBlockNumberedTableStepsByTheServicesBlock() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement increments = c.prepareStatement(
                        "select pg_get_serial_sequence(t, 'id'), (select increment_by from pg_sequences s"
                                + " where s.schemaname || '.' || s.sequencename = pg_get_serial_sequence(t, 'id'))"
                                + " from unnest(array['order_item', 'order_event', 'shipment', 'work_order']) t");
                ResultSet rows = increments.executeQuery()) {
            int tables = 0;
            while (rows.next()) {
                assertThat(rows.getLong(2)).as(rows.getString(1)).isEqualTo(Ids.BLOCK);
                tables++;
            }
            assertThat(tables).isEqualTo(4);
        }
    }

    @Test
    void rowsWrittenByAnotherWriterBetweenReleasesNeverTakeTheServicesNumbers() throws SQLException {
        List<Long> released = new ArrayList<>();
        Set<Long> shipments = new HashSet<>();
        Set<Long> workOrders = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            long id = Fulfil.decided(order(goodPayer(), home(), PHONE, 1, 0, FIBRE, 1, 0), "RELEASED");
            released.add(id);
            shipments.addAll(Fulfil.shipments(id).getList("id", Long.class));
            workOrders.addAll(Fulfil.workOrders(id).getList("id", Long.class));
            anotherWriterNotes(id);
        }

        assertThat(shipments).hasSize(8);
        assertThat(workOrders).hasSize(8);
        for (long id : released) {
            List<String> milestones = given().get("/api/orders/" + id + "/history").then().statusCode(200).extract()
                    .path("milestone");
            assertThat(milestones).contains("received", "evaluated", "repair note");
        }
    }

    /** Takes the column default, as a writer that does not know about blocks would. */
    private void anotherWriterNotes(long orderId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into order_event (order_id, at, milestone,"
                        + " actor, cause) values (?, now(), 'repair note', 'dba', 'written outside the service')")) {
            insert.setLong(1, orderId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
