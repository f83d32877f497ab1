package pe.telco.orders.evaluation.explain;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import pe.telco.orders.evaluation.facts.Question;

/** Keeps every question the check rules opened, so table rows can be evaluated against the very same questions. */
final class QuestionCollector extends DefaultRuleRuntimeEventListener {

    private final List<Question> questions = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Question question) {
            questions.add(question);
        }
    }

    List<Question> questions() {
        return questions;
    }
}
