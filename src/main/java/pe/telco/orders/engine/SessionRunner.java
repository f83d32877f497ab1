package pe.telco.orders.engine;

import java.util.Collection;
import java.util.EventListener;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The one way rules run: a fresh stateless session on an already compiled KieBase, the facts inserted in the order
 * given, every rule fired, and the listeners told what happened. Evaluation, explanation, fulfilment planning and
 * the tables' examples all run through here, so they can never run the rules differently.
 */
public final class SessionRunner {

    private SessionRunner() {
    }

    /** Runs the rules once; each listener is attached as agenda and/or working-memory listener, as it implements. */
    public static void run(KieBase kieBase, Collection<?> facts, EventListener... listeners) {
        StatelessKieSession session = kieBase.newStatelessKieSession();
        for (EventListener listener : listeners) {
            if (listener instanceof AgendaEventListener agenda) {
                session.addEventListener(agenda);
            }
            if (listener instanceof RuleRuntimeEventListener workingMemory) {
                session.addEventListener(workingMemory);
            }
        }
        session.execute(facts);
    }
}
