package pe.telco.orders.audit.record;

import java.util.List;
import pe.telco.orders.evaluation.facts.CheckResult;

/** A stored evaluation with its results and firings, in firing order: what the record holds about one decision. */
public record StoredDecision(Evaluation evaluation, List<CheckResult> results, List<RuleFiring> firings) {
}
