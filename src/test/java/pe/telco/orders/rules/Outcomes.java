package pe.telco.orders.rules;

import java.util.List;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.evaluation.facts.CheckResult;

/** Short ways to read a result in rule tests. */
final class Outcomes {

    private Outcomes() {
    }

    /** Every result as "CHECK OUTCOME CODE", e.g. "COVERAGE FAIL NO_FIBRE_AT_ADDRESS". */
    static List<String> results(EvaluationResult result) {
        return result.results().stream().map(Outcomes::describe).toList();
    }

    static String describe(CheckResult r) {
        return r.getCheck() + " " + r.getOutcome() + " " + r.getCode();
    }

    /** The ids of the rules that fired, in firing order. */
    static List<String> fired(EvaluationResult result) {
        return result.firings().stream().map(f -> f.rule() == null ? f.ruleName() : f.rule().id()).toList();
    }

    static CheckResult only(EvaluationResult result, String check) {
        List<CheckResult> found = result.results().stream().filter(r -> r.getCheck().name().equals(check)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + check + " result, got " + results(result));
        }
        return found.get(0);
    }

    static Firing firing(EvaluationResult result, String ruleId) {
        return result.firings().stream().filter(f -> f.rule() != null && f.rule().id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " did not fire; fired: " + fired(result)));
    }
}
