package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.OperatorTime;

/**
 * What one released order stores, row by row and column by column, against a reference taken before the persisted
 * path was made lean (issue 17): the order, items, history, evaluation with its facts, results and firings, work
 * order, shipment and outbox events. Keys, times, dates, event ids and the run's own identifiers are replaced by
 * placeholders; everything else (every firing's rule, row and outcome, every JSON document, every event body and
 * sequence number) must be as it was. A change of what is stored must change the reference on purpose:
 * {@code -Dstored-order.write=true} rewrites it.
 */
@QuarkusTest
class StoredOrderRowsTest {

    private static final Path REFERENCE = Path.of("src/test/resources/stored-order/released-phone-and-fibre.txt");
    /** Columns whose values are the database's, the clock's or the run's, not the decision's. */
    private static final Pattern VOLATILE_COLUMN = Pattern.compile("id|order_id|customer_id|evaluation_id|order_item_id"
            + "|event_id|order_number|external_id|customer_document(_number)?|at|.*_at|.*_on|window_from|window_to"
            + "|trace_id|xid|duration_micros");
    /** Columns the event relay fills in after the commit: null or not depends on when the rows are read. */
    private static final Pattern RELAY_COLUMN = Pattern.compile("position|published_at");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:\\d{2})?)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    DataSource db;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    @Test
    void aReleasedOrderStoresWhatItStoredBeforeThePathWasMadeLean() throws Exception {
        // a new customer of exactly eight years today, so that no fact depends on the day the test runs
        String dni = String.valueOf(70_000_000 + (int) (System.nanoTime() % 9_999_999));
        EventsFixture.put("/api/customers/DNI/" + dni, "{\"name\":\"Cliente E\",\"segment\":\"RESIDENTIAL\","
                + "\"customerSince\":\"" + LocalDate.now(OperatorTime.ZONE).minusYears(8) + "\",\"creditScore\":780,"
                + "\"overdueDebt\":0.00,\"products\":[]}");
        long id = EventsFixture.create(dni, EventsFixture.PHONE, 1, 0, EventsFixture.FIBRE, 1, 0);
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200);

        String stored = stored(id, dni);
        if (Boolean.getBoolean("stored-order.write")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, stored, StandardCharsets.UTF_8);
        }
        assertThat(stored).isEqualTo(reference());
    }

    private static String reference() throws IOException {
        return Files.readString(REFERENCE, StandardCharsets.UTF_8);
    }

    /** Every row the order wrote, table by table in a fixed order, one line per row, volatile values replaced. */
    private String stored(long orderId, String dni) throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("orders", "select * from orders where id = ?");
        tables.put("order_item", "select * from order_item where order_id = ? order by line_no");
        tables.put("order_event", "select * from order_event where order_id = ? order by id");
        tables.put("evaluation", "select * from evaluation where order_id = ? order by id");
        tables.put("rule_firing", "select f.* from rule_firing f join evaluation e on e.id = f.evaluation_id"
                + " and e.evaluated_at = f.evaluated_at where e.order_id = ? order by f.sequence");
        tables.put("shipment", "select * from shipment where order_id = ? order by id");
        tables.put("work_order", "select * from work_order where order_id = ? order by id");
        tables.put("outbox_order", "select * from outbox_order where order_id = ?");
        tables.put("outbox_event", "select * from outbox_event where order_id = ? order by seq");
        List<String> identifiers = identifiers(orderId, dni);
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection()) {
            for (var table : tables.entrySet()) {
                out.append("== ").append(table.getKey()).append('\n');
                try (PreparedStatement s = c.prepareStatement(table.getValue())) {
                    s.setLong(1, orderId);
                    try (ResultSet rs = s.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            List<String> values = new ArrayList<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                String name = meta.getColumnName(i);
                                values.add(name + "=" + value(name, rs.getString(i), identifiers));
                            }
                            out.append(String.join(" | ", values)).append('\n');
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /** The run's own identifiers: the order's number and external id, and the customer's document. */
    private List<String> identifiers(long orderId, String dni) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select order_number, external_id from orders where id = ?")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getString(1), rs.getString(2), dni);
            }
        }
    }

    private static String value(String column, String value, List<String> identifiers) {
        if (RELAY_COLUMN.matcher(column).matches()) {
            return "<" + column + ">"; // set after the commit, whenever the relay gets to the event
        }
        if (value == null) {
            return "null";
        }
        if (VOLATILE_COLUMN.matcher(column).matches()) {
            return "<" + column + ">";
        }
        String masked = value;
        for (String identifier : identifiers) {
            masked = masked.replace(identifier, "<identifier>");
        }
        masked = UUID.matcher(masked).replaceAll("<uuid>");
        masked = TIME.matcher(masked).replaceAll("<time>");
        masked = DATE.matcher(masked).replaceAll("<date>");
        // the warehouse's stock in the facts goes down with every order the suite releases
        masked = masked.replaceAll("(\"(available|onHand|reserved)\":\\s*)\\d+", "$1<stock>");
        // keys inside texts and documents (hrefs, ids of items, shipments and work orders) are the database's too
        masked = masked.replaceAll("(evaluation|Shipment|Work order) \\d+", "$1 <key>");
        return masked.replaceAll("(\"(id|href|orderId|evaluationId|shipmentId|workOrderId)\":\\s*\"?)[^\",}]*",
                "$1<key>").replaceAll("/\\d+", "/<key>");
    }
}
