package pe.telco.orders.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;
import pe.telco.orders.evaluation.facts.FulfilmentItem;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.CompiledRuleset;

/**
 * Plans the work of released items with the active ruleset's fulfilment table, in a session that holds only the
 * items (no order facts, no questions), so no evaluation rule can answer or decide anything here.
 */
@ApplicationScoped
public class FulfilmentPlanner {

    private final ActiveRuleset rules;

    public FulfilmentPlanner(ActiveRuleset rules) {
        this.rules = rules;
    }

    /** Plans every item in place; an item no row matched stays unplanned ({@link FulfilmentItem#isPlanned()}). */
    public List<FulfilmentItem> plan(List<FulfilmentItem> items) {
        return plan(rules.current(), items);
    }

    /** The same with a given ruleset, for rule tests on the real files. */
    public static List<FulfilmentItem> plan(CompiledRuleset ruleset, List<FulfilmentItem> items) {
        StatelessKieSession session = ruleset.kieBase().newStatelessKieSession();
        session.execute(List.copyOf(items));
        return items;
    }
}
