package pe.telco.orders.engine;

import java.util.List;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.evaluation.facts.Outcome;

/** What one run of the rules decided, why, and which rules fired, under which ruleset version. */
public record EvaluationResult(
        Decision decision,
        List<CheckResult> results,
        List<Firing> firings,
        int rulesetVersion,
        String rulesetHash,
        long durationMicros) {

    /** The results a channel must see: every REVIEW and FAIL. */
    public List<CheckResult> reasons() {
        return results.stream().filter(r -> r.getOutcome() != Outcome.PASS).toList();
    }
}
