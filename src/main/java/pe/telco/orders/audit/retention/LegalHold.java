package pe.telco.orders.audit.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;

/** An order kept out of retention: who placed the hold and why, and who lifted it, when and why (if lifted). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalHold(long id, long orderId, String orderNumber, String reason, String placedBy,
        OffsetDateTime placedAt, String liftedBy, OffsetDateTime liftedAt, String liftReason, boolean active) {

    static final String COLUMNS = "id, order_id, order_number, reason, placed_by, placed_at, lifted_by, lifted_at,"
            + " lift_reason";

    static LegalHold from(ResultSet rs) throws SQLException {
        OffsetDateTime lifted = OperatorTime.local(rs.getObject("lifted_at", OffsetDateTime.class));
        return new LegalHold(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
                rs.getString("reason"), rs.getString("placed_by"),
                OperatorTime.local(rs.getObject("placed_at", OffsetDateTime.class)), rs.getString("lifted_by"), lifted,
                rs.getString("lift_reason"), lifted == null);
    }
}
