package pe.telco.orders.audit.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import pe.telco.orders.common.OperatorTime;

/**
 * A retention run on one month: who asked and why, who approved (never the same person), what it did (evaluations
 * pseudonymised, kept for legal hold, not yet sealed) and, once applied, its hash linked to the run applied before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionRun(long id, String month, String status, String reason, String requestedBy,
        OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt, OffsetDateTime appliedAt,
        long pseudonymised, long held, long unsealed, String recordsDigest, String prevHash, String hash) {

    static final String COLUMNS = "id, month, status, reason, requested_by, requested_at, approved_by, approved_at,"
            + " applied_at, pseudonymised, held, unsealed, records_digest, prev_hash, hash";

    static RetentionRun from(ResultSet rs) throws SQLException {
        return new RetentionRun(rs.getLong("id"), YearMonth.from(rs.getObject("month", java.time.LocalDate.class))
                .toString(), rs.getString("status"), rs.getString("reason"), rs.getString("requested_by"),
                time(rs, "requested_at"), rs.getString("approved_by"), time(rs, "approved_at"),
                time(rs, "applied_at"), rs.getLong("pseudonymised"), rs.getLong("held"), rs.getLong("unsealed"),
                rs.getString("records_digest"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return OperatorTime.local(rs.getObject(column, OffsetDateTime.class));
    }
}
