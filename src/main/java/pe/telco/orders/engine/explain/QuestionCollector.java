package pe.telco.orders.engine.explain;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.SessionRunner;
import pe.telco.orders.evaluation.facts.Question;

/** Keeps every question the check rules opened, so table rows can be evaluated against the very same questions. */
public final class QuestionCollector extends DefaultRuleRuntimeEventListener {

    /** The questions the rules open on these facts. */
    public static List<Question> questionsOf(CompiledRuleset ruleset, EvaluationFacts facts) {
        QuestionCollector collector = new QuestionCollector();
        SessionRunner.run(ruleset.kieBase(), facts.all(), collector);
        return collector.questions;
    }

    private QuestionCollector() {
    }

    private final List<Question> questions = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Question question) {
            questions.add(question);
        }
    }
}
