package pe.telco.orders.audit.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import pe.telco.orders.engine.explain.ConditionResult;

/** Why an evaluation decided what it did: per check, the row or rule that decided and the nearest rows that did not. */
public record Explanation(long evaluationId, String decision, int rulesetVersion, List<CheckExplanation> checks) {

    /** One check for the order (line 0) or an item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckExplanation(String check, int line, String productCode, String outcome, String reasonCode,
            String message, RowExplanation decidedBy, List<RowExplanation> nearestNotFired) {
    }

    /** A table row (or DRL rule) with its condition cells evaluated on the stored facts, and a sentence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowExplanation(String ruleId, String description, String source, String sheet, Integer row,
            String sentence, List<ConditionResult> conditions) {
    }
}
