package pe.telco.orders.engine;

import java.util.Comparator;
import java.util.List;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.evaluation.facts.CheckResult;

/**
 * Runs the rules of an already compiled ruleset on one order's facts, in a fresh stateless session that shares the
 * ruleset's KieBase. Pure and thread-safe: nothing is compiled here and nothing is stored.
 */
public class OrderEvaluator {

    private static final Comparator<CheckResult> BY_LINE_THEN_CHECK =
            Comparator.comparingInt(CheckResult::getLine).thenComparing(CheckResult::getCheck);

    public EvaluationResult evaluate(CompiledRuleset ruleset, EvaluationFacts facts) {
        long started = System.nanoTime();
        FiringRecorder recorder = new FiringRecorder(ruleset);
        try {
            SessionRunner.run(ruleset.kieBase(), facts.all(), recorder);
        } catch (RuntimeException e) {
            throw failure(recorder.currentRule(), e);
        }
        if (recorder.decision() == null) {
            throw new RulesFailed(null, "The rules made no decision for this order (ruleset version "
                    + ruleset.version() + " has no decision rule that matched)");
        }
        List<CheckResult> results = recorder.results().stream().sorted(BY_LINE_THEN_CHECK).toList();
        return new EvaluationResult(recorder.decision().getDecision(), results, List.copyOf(recorder.firings()),
                ruleset.version(), ruleset.contentHash(), (System.nanoTime() - started) / 1_000);
    }

    private static RulesFailed failure(String ruleName, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String ruleId = ruleName == null ? null : CompiledRuleset.idOf(ruleName);
        String where = ruleName == null ? "while matching rule conditions" : "in rule \"" + ruleName + "\"";
        String cause = root.getMessage() == null || root.getMessage().isBlank() ? "an unexpected error"
                : root.getMessage().lines().findFirst().orElse("");
        return new RulesFailed(ruleId, "The rules failed " + where + ": " + cause + ". The order was not changed.");
    }
}
