package pe.telco.orders.engine.suite;

import java.util.List;

/**
 * One suite case as run: what the business expected and what the rules decided, with the REVIEW and FAIL reason
 * codes on both sides (order and duplicates ignored); {@code error} says why the rules could not decide it.
 */
public record SuiteResult(String file, String location, String id, String description, String expectedDecision,
        List<String> expectedReasons, String decision, List<String> reasons, boolean passed, String error) {
}
