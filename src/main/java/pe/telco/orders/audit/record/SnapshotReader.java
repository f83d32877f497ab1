package pe.telco.orders.audit.record;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored evaluations' fact snapshots newest first, a page at a time (keyset on id), so a preview over tens of
 * thousands of past decisions never holds them all in memory. Plain JDBC: read-only, no entities.
 */
@ApplicationScoped
public class SnapshotReader {

    /** One past evaluation: which order, what was decided under which version, and the facts as stored. */
    public record Snapshot(long id, long orderId, String orderNumber, String decision, int version, String facts) {
    }

    /** Which past evaluations: the newest {@code last}, or those evaluated between {@code from} and {@code to}. */
    public record Selection(Integer last, OffsetDateTime from, OffsetDateTime to) {
    }

    private final AgroalDataSource dataSource;

    public SnapshotReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int count(Selection selection) {
        String sql = "select count(*) from evaluation e where true" + filter(selection);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, selection, 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int all = rs.getInt(1);
                return selection.last() == null ? all : Math.min(all, selection.last());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count stored evaluations", e);
        }
    }

    /** The next page of snapshots older than {@code beforeId} (null: start from the newest). */
    public List<Snapshot> page(Selection selection, Long beforeId, int size) {
        String sql = "select e.id, e.order_id, e.order_number, e.decision, e.ruleset_version, e.facts::text"
                + " from evaluation e where true" + filter(selection) + (beforeId == null ? "" : " and e.id < ?")
                + " order by e.id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = bind(s, selection, 1);
            if (beforeId != null) {
                s.setLong(i++, beforeId);
            }
            s.setInt(i, size);
            List<Snapshot> page = new ArrayList<>(size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new Snapshot(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read stored evaluations", e);
        }
    }

    private static String filter(Selection selection) {
        return (selection.from() == null ? "" : " and e.evaluated_at >= ?")
                + (selection.to() == null ? "" : " and e.evaluated_at <= ?");
    }

    private static int bind(PreparedStatement s, Selection selection, int first) throws SQLException {
        int i = first;
        if (selection.from() != null) {
            s.setObject(i++, selection.from());
        }
        if (selection.to() != null) {
            s.setObject(i++, selection.to());
        }
        return i;
    }
}
