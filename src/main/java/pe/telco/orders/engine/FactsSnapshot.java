package pe.telco.orders.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The facts of an evaluation as stored JSON, and back: what replay, explanation and impact preview run the rules on.
 * Facts are read through their constructors, so a stored snapshot gives the very facts the rules saw.
 */
public final class FactsSnapshot {

    private FactsSnapshot() {
    }

    public static String write(ObjectMapper json, EvaluationFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the facts of an evaluation", e);
        }
    }

    public static EvaluationFacts read(ObjectMapper json, String snapshot) {
        try {
            EvaluationFacts facts = json.readValue(snapshot, EvaluationFacts.class);
            if (facts == null || facts.order() == null || facts.customer() == null || facts.items() == null
                    || facts.items().isEmpty()) {
                throw new IllegalStateException("A stored facts snapshot has no order, customer or items");
            }
            return facts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored facts snapshot could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
