package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** One firing of a rule, with the evaluation it belongs to and where the rule is written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleFiringItem(long evaluationId, String orderNumber, OffsetDateTime evaluatedAt, int rulesetVersion,
        String decision, int sequence, String ruleId, String description, String source, String sheet, Integer row,
        String check, Integer itemLine, String outcome, String reasonCode) {

    static final String COLUMNS = "f.evaluation_id, e.order_number, e.evaluated_at, e.ruleset_version, e.decision,"
            + " f.sequence, f.rule_id, f.description, f.source, f.sheet, f.row_number, f.check_name, f.item_line,"
            + " f.outcome, f.reason_code";

    static final List<String> CSV_HEADER = List.of("evaluationId", "orderNumber", "evaluatedAt", "rulesetVersion",
            "decision", "sequence", "ruleId", "description", "source", "sheet", "row", "check", "itemLine", "outcome",
            "reasonCode");

    static RuleFiringItem from(ResultSet rs) throws SQLException {
        return new RuleFiringItem(rs.getLong("evaluation_id"), rs.getString("order_number"),
                OperatorTime.local(rs.getObject("evaluated_at", OffsetDateTime.class)), rs.getInt("ruleset_version"),
                rs.getString("decision"), rs.getInt("sequence"), rs.getString("rule_id"), rs.getString("description"),
                rs.getString("source"), rs.getString("sheet"), (Integer) rs.getObject("row_number"),
                rs.getString("check_name"), (Integer) rs.getObject("item_line"), rs.getString("outcome"),
                rs.getString("reason_code"));
    }

    List<Object> csv() {
        return Arrays.asList(evaluationId, orderNumber, evaluatedAt, rulesetVersion, decision, sequence, ruleId,
                description, source, sheet, row, check, itemLine, outcome, reasonCode);
    }
}
