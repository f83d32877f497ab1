package pe.telco.orders.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.SessionRunner;
import pe.telco.orders.evaluation.facts.FulfilmentItem;

/**
 * Plans the work of released items with the active ruleset's fulfilment table, in a session that holds only the
 * items (no order facts, no questions), so no evaluation rule can answer or decide anything here.
 */
@ApplicationScoped
public class FulfilmentPlanner {

    private final CompiledRulesets rules;

    public FulfilmentPlanner(CompiledRulesets rules) {
        this.rules = rules;
    }

    /** Plans every item in place; an item no row matched stays unplanned ({@link FulfilmentItem#isPlanned()}). */
    public List<FulfilmentItem> plan(List<FulfilmentItem> items) {
        return plan(rules.current(), items);
    }

    /** The same with a given ruleset, for rule tests on the real files. */
    public static List<FulfilmentItem> plan(CompiledRuleset ruleset, List<FulfilmentItem> items) {
        SessionRunner.run(ruleset.kieBase(), List.copyOf(items));
        return items;
    }
}
