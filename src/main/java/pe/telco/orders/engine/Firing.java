package pe.telco.orders.engine;

import java.util.List;
import pe.telco.orders.engine.RuleInfo;
import pe.telco.orders.evaluation.facts.CheckResult;

/** One rule that fired, in firing order, with where it is written and the check results it produced. */
public record Firing(int sequence, String ruleName, RuleInfo rule, List<CheckResult> produced) {
}
