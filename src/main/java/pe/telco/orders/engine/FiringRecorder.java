package pe.telco.orders.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.OrderDecision;

/** Listens to one session: records every firing in order, the results each produced, and the decision. */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final CompiledRuleset ruleset;
    private final List<Firing> firings = new ArrayList<>();
    private final List<CheckResult> results = new ArrayList<>();
    private List<CheckResult> producedByCurrent = new ArrayList<>();
    private String currentRule;
    private OrderDecision decision;

    FiringRecorder(CompiledRuleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        currentRule = event.getMatch().getRule().getName();
        producedByCurrent = new ArrayList<>(2);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        firings.add(new Firing(firings.size() + 1, name, ruleset.rule(name).orElse(null), List.copyOf(producedByCurrent)));
        currentRule = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object fact = event.getObject();
        if (fact instanceof CheckResult result) {
            if (event.getRule() != null) {
                result.setRuleId(CompiledRuleset.idOf(event.getRule().getName()));
            }
            results.add(result);
            producedByCurrent.add(result);
        } else if (fact instanceof OrderDecision orderDecision) {
            decision = orderDecision;
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // rules answer questions by inserting results; updates carry nothing to record
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a deleted question is an answered question: its answer was recorded when inserted
    }

    String currentRule() {
        return currentRule;
    }

    List<Firing> firings() {
        return firings;
    }

    List<CheckResult> results() {
        return results;
    }

    OrderDecision decision() {
        return decision;
    }
}
