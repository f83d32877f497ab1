package pe.telco.orders.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** One evaluation in a search answer: who, when, what was decided and the REVIEW/FAIL reasons as CHECK:CODE. */
public record EvaluationListItem(long id, long orderId, String orderNumber, String channel, String customerDocument,
        String decision, int rulesetVersion, OffsetDateTime evaluatedAt, long durationMicros, String actor,
        List<String> reasons) {

    /** The columns {@link #from(ResultSet)} reads, for a query on evaluation {@code e}. */
    static final String COLUMNS = "e.id, e.order_id, e.order_number, e.channel, e.customer_document, e.decision,"
            + " e.ruleset_version, e.evaluated_at, e.duration_micros, e.actor,"
            + " (select string_agg((r ->> 'check') || ':' || (r ->> 'code'), ';') from jsonb_array_elements(e.results) r"
            + "  where r ->> 'outcome' <> 'PASS') as reasons";

    static final List<String> CSV_HEADER = List.of("evaluationId", "orderId", "orderNumber", "channel",
            "customerDocument", "decision", "rulesetVersion", "evaluatedAt", "durationMicros", "actor", "reasons");

    static EvaluationListItem from(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        return new EvaluationListItem(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
                rs.getString("channel"), rs.getString("customer_document"), rs.getString("decision"),
                rs.getInt("ruleset_version"), OperatorTime.local(rs.getObject("evaluated_at", OffsetDateTime.class)),
                rs.getLong("duration_micros"), rs.getString("actor"),
                reasons == null ? List.of() : List.of(reasons.split(";")));
    }

    List<Object> csv() {
        return List.of(id, orderId, orderNumber, channel, customerDocument, decision, rulesetVersion, evaluatedAt,
                durationMicros, actor, String.join(";", reasons));
    }
}
