package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/**
 * One firing of a rule, with the evaluation it belongs to and where the rule is written: spreadsheet, sheet and
 * {@code row}, or DRL file and {@code line} (the same names as the evaluation's {@code firedRules}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleFiringItem(long evaluationId, String orderNumber, OffsetDateTime evaluatedAt, int rulesetVersion,
        String decision, int sequence, String ruleId, String description, String source, String sheet, Integer row,
        Integer line, String check, Integer itemLine, String outcome, String reasonCode) {

    static final String COLUMNS = "f.evaluation_id, e.order_number, e.evaluated_at, e.ruleset_version, e.decision,"
            + " f.sequence, f.rule_id, f.description, f.source, f.sheet, f.row_number, f.check_name, f.item_line,"
            + " f.outcome, f.reason_code";

    static final List<String> CSV_HEADER = List.of("evaluationId", "orderNumber", "evaluatedAt", "rulesetVersion",
            "decision", "sequence", "ruleId", "description", "source", "sheet", "row", "line", "check", "itemLine", "outcome",
            "reasonCode");

    static RuleFiringItem from(ResultSet rs) throws SQLException {
        String sheet = rs.getString("sheet");
        Integer rowOrLine = (Integer) rs.getObject("row_number"); // the record keeps a table row or a DRL line here
        return new RuleFiringItem(rs.getLong("evaluation_id"), rs.getString("order_number"),
                OperatorTime.local(rs.getObject("evaluated_at", OffsetDateTime.class)), rs.getInt("ruleset_version"),
                rs.getString("decision"), rs.getInt("sequence"), rs.getString("rule_id"), rs.getString("description"),
                rs.getString("source"), rs.getString("sheet"), sheet == null ? null : rowOrLine,
                sheet == null ? rowOrLine : null, rs.getString("check_name"), (Integer) rs.getObject("item_line"), rs.getString("outcome"),
                rs.getString("reason_code"));
    }

    List<Object> csv() {
        return Arrays.asList(evaluationId, orderNumber, evaluatedAt, rulesetVersion, decision, sequence, ruleId,
                description, source, sheet, row, line, check, itemLine, outcome, reasonCode);
    }
}
