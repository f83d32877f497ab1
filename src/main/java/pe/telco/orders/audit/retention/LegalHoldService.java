package pe.telco.orders.audit.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;

/** Places and lifts legal holds: a held order's evaluations keep their facts through every retention run. */
@ApplicationScoped
public class LegalHoldService {

    private final DataSource db;
    private final OperatorTime time;

    public LegalHoldService(DataSource db, OperatorTime time) {
        this.db = db;
        this.time = time;
    }

    /** Holds the order named by id or by number (exactly one of them). */
    public LegalHold place(Long orderId, String orderNumber, String reason, String actor) {
        if ((orderId == null) == (orderNumber == null || orderNumber.isBlank())) {
            throw new InvalidInput("orderId", "give the order's id or its number (one of them)");
        }
        try (Connection c = db.getConnection()) {
            long id;
            String number;
            try (PreparedStatement s = c.prepareStatement(orderId != null
                    ? "select id, order_number from orders where id = ?"
                    : "select id, order_number from orders where order_number = ?")) {
                if (orderId != null) {
                    s.setLong(1, orderId);
                } else {
                    s.setString(1, orderNumber);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("Order", orderId != null ? orderId : orderNumber);
                    }
                    id = rs.getLong(1);
                    number = rs.getString(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into audit_legal_hold (order_id, order_number,"
                    + " reason, placed_by, placed_at) values (?, ?, ?, ?, ?) returning " + LegalHold.COLUMNS)) {
                s.setLong(1, id);
                s.setString(2, number);
                s.setString(3, reason);
                s.setString(4, actor);
                s.setObject(5, time.now());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return LegalHold.from(rs);
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new StateConflict("Order " + number + " is already under legal hold", "HELD");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The legal hold could not be recorded: " + e.getMessage(), e);
        }
    }

    public LegalHold lift(long id, String reason, String actor) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update audit_legal_hold"
                + " set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null returning "
                + LegalHold.COLUMNS)) {
            s.setString(1, actor);
            s.setObject(2, time.now());
            s.setString(3, reason);
            s.setLong(4, id);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return LegalHold.from(rs);
                }
            }
            LegalHold hold = find(c, id);
            throw new StateConflict("Legal hold " + id + " was lifted by " + hold.liftedBy() + " on "
                    + hold.liftedAt(), "LIFTED");
        } catch (SQLException e) {
            throw new IllegalStateException("The legal hold could not be lifted: " + e.getMessage(), e);
        }
    }

    public List<LegalHold> list() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select "
                + LegalHold.COLUMNS + " from audit_legal_hold order by id desc limit 1000");
                ResultSet rs = s.executeQuery()) {
            List<LegalHold> holds = new ArrayList<>();
            while (rs.next()) {
                holds.add(LegalHold.from(rs));
            }
            return holds;
        } catch (SQLException e) {
            throw new IllegalStateException("The legal holds could not be read: " + e.getMessage(), e);
        }
    }

    private static LegalHold find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + LegalHold.COLUMNS
                + " from audit_legal_hold where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound("Legal hold", id);
                }
                return LegalHold.from(rs);
            }
        }
    }
}
