package pe.telco.orders.engine.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RulesFailed;
import pe.telco.orders.engine.SessionRunner;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.FulfilmentItem;

/**
 * Decides each suite case with a compiled ruleset exactly as a live order is decided, compares the decision and the
 * reason codes with what the business expects, and collects every rule that fired (a released case also plans its
 * items with the fulfilment table, as a release would), for row coverage.
 */
public final class SuiteRunner {

    private final OrderEvaluator evaluator = new OrderEvaluator();
    private final Set<String> fired = new TreeSet<>();

    public List<SuiteResult> run(CompiledRuleset ruleset, List<SuiteCase> cases) {
        List<SuiteResult> results = new ArrayList<>();
        for (SuiteCase c : cases) {
            results.add(runOne(ruleset, c));
        }
        return results;
    }

    /** The ids of every rule that fired in the cases run so far. */
    public Set<String> fired() {
        return fired;
    }

    private SuiteResult runOne(CompiledRuleset ruleset, SuiteCase c) {
        EvaluationResult result;
        try {
            result = evaluator.evaluate(ruleset, c.facts());
        } catch (RulesFailed e) {
            return new SuiteResult(c.file(), c.location(), c.id(), c.description(), c.expectedDecision(),
                    c.expectedReasons(), "ERROR", List.of(), false, e.ruleId() == null ? "The rules failed on this case"
                    : "Rule " + e.ruleId() + " failed on this case");
        } catch (RuntimeException e) {
            return new SuiteResult(c.file(), c.location(), c.id(), c.description(), c.expectedDecision(),
                    c.expectedReasons(), "ERROR", List.of(), false, "The rules failed on this case");
        }
        result.firings().stream().map(Firing::ruleName).map(CompiledRuleset::idOf).forEach(fired::add);
        String decision = result.decision().name();
        if (decision.equals("RELEASED")) {
            plan(ruleset, c);
        }
        List<String> reasons = List.copyOf(new TreeSet<>(result.reasons().stream().map(CheckResult::getCode)
                .filter(Objects::nonNull).toList()));
        boolean passed = decision.equals(c.expectedDecision()) && reasons.equals(c.expectedReasons());
        return new SuiteResult(c.file(), c.location(), c.id(), c.description(), c.expectedDecision(),
                c.expectedReasons(), decision, reasons, passed, null);
    }

    private void plan(CompiledRuleset ruleset, SuiteCase c) {
        List<FulfilmentItem> items = c.facts().items().stream().map(i -> new FulfilmentItem(i.getLine(),
                i.getProductCode(), i.getKind(), i.getCategory(), c.facts().order().getDeliveryMethod())).toList();
        try {
            SessionRunner.run(ruleset.kieBase(), List.copyOf(items));
        } catch (RuntimeException e) {
            return; // a release would report the unplanned item; coverage only counts what fired
        }
        items.stream().map(FulfilmentItem::getRuleId).filter(Objects::nonNull).map(CompiledRuleset::idOf)
                .forEach(fired::add);
    }
}
