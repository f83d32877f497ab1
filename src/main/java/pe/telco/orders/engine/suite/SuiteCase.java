package pe.telco.orders.engine.suite;

import java.util.List;
import pe.telco.orders.engine.EvaluationFacts;

/**
 * One whole-order test case of a regression suite: where it is written, the facts it describes (order, customer,
 * address coverage, stock, terms) and the decision and reason codes the business expects.
 */
public record SuiteCase(String file, String location, String id, String description, EvaluationFacts facts,
        String expectedDecision, List<String> expectedReasons) {
}
