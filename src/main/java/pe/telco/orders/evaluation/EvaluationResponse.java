package pe.telco.orders.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.audit.record.Evaluation;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.evaluation.facts.Outcome;

/**
 * An evaluation as channels read it: the decision, the reasons (every REVIEW and FAIL), every check's result, and
 * the rules and table rows that fired, under which ruleset version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(
        Long evaluationId,
        Long orderId,
        String orderNumber,
        Decision decision,
        int rulesetVersion,
        String rulesetHash,
        List<Reason> reasons,
        List<Reason> checks,
        List<FiredRule> firedRules,
        OffsetDateTime evaluatedAt,
        long durationMicros,
        boolean stored) {

    /**
     * One check's answer for the order (no productCode) or one of its products: the internal message for the back
     * office and the channel's message beside it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String check, String outcome, String code, String message, String channelMessage,
            String productCode, Integer line, String rule) {

        static Reason from(CheckResult r) {
            return new Reason(r.getCheck().name(), r.getOutcome().name(), r.getCode(), r.getMessage(),
                    ChannelMessages.of(r), r.getProductCode(), r.getLine() == 0 ? null : r.getLine(), r.getRuleId());
        }

        /** What a channel may read: the channel message in place of the internal one, and no rule id. */
        Reason forChannel() {
            return new Reason(check, outcome, code, channelMessage, null, productCode, line, null);
        }
    }

    /**
     * A rule that fired, in order, and where a person finds it: spreadsheet, sheet and row, or DRL file and line.
     * {@code item} is the order line the result was about (absent for the order as a whole).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FiredRule(int sequence, String rule, String description, String source, String sheet, Integer row,
            Integer line, String check, String outcome, String code, Integer item) {

        static FiredRule of(int sequence, String rule, String description, String source, String sheet,
                Integer rowOrLine, String check, String outcome, String code, Integer item) {
            boolean table = sheet != null;
            return new FiredRule(sequence, rule, description, source, sheet, table ? rowOrLine : null,
                    table ? null : rowOrLine, check, outcome, code, item == null || item == 0 ? null : item);
        }
    }

    public static EvaluationResponse from(StoredDecision stored) {
        Evaluation e = stored.evaluation();
        List<FiredRule> fired = stored.firings().stream().map(f -> FiredRule.of(f.getKey().sequence(),
                f.getRuleId(), f.getDescription(), f.getSource(), f.getSheet(), f.getRow(), f.getCheck(),
                f.getOutcome(), f.getReasonCode(), f.getItemLine())).toList();
        return new EvaluationResponse(e.getId(), e.getOrderId(), e.getOrderNumber(), e.getDecision(),
                e.getRulesetVersion(), e.getRulesetHash(), reasons(stored.results()), all(stored.results()), fired,
                OperatorTime.local(e.getEvaluatedAt()), e.getDurationMicros(), true);
    }

    /** A dry run: the same shape, nothing stored, no ids. */
    public static EvaluationResponse dryRun(EvaluationResult result, OffsetDateTime at) {
        List<FiredRule> fired = result.firings().stream().map(f -> {
            CheckResult produced = f.produced().isEmpty() ? null : f.produced().get(0);
            return FiredRule.of(f.sequence(), f.rule() == null ? f.ruleName() : f.rule().id(),
                    f.rule() == null ? null : f.rule().description(), f.rule() == null ? null : f.rule().source(),
                    f.rule() == null ? null : f.rule().sheet(), f.rule() == null ? null : f.rule().row(),
                    produced == null ? null : produced.getCheck().name(),
                    produced == null ? null : produced.getOutcome().name(),
                    produced == null ? null : produced.getCode(),
                    produced == null ? null : produced.getLine());
        }).toList();
        return new EvaluationResponse(null, null, null, result.decision(), result.rulesetVersion(),
                result.rulesetHash(), reasons(result.results()), all(result.results()), fired, at,
                result.durationMicros(), false);
    }

    /**
     * The answer a channel may see: the decision, reason codes with the channel's messages and the items concerned;
     * no rule ids, rule sources (file, sheet, row, DRL line), firings, facts or internal messages, which may carry
     * the customer's credit score and debt.
     */
    public EvaluationResponse forChannel() {
        return new EvaluationResponse(evaluationId, orderId, orderNumber, decision, rulesetVersion, null,
                reasons.stream().map(Reason::forChannel).toList(), checks.stream().map(Reason::forChannel).toList(),
                null, evaluatedAt, durationMicros, stored);
    }

    private static List<Reason> reasons(List<CheckResult> results) {
        return results.stream().filter(r -> r.getOutcome() != Outcome.PASS).map(Reason::from).toList();
    }

    private static List<Reason> all(List<CheckResult> results) {
        return results.stream().map(Reason::from).toList();
    }
}
