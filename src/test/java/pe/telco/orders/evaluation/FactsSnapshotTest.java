package pe.telco.orders.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.rules.Orders;
import pe.telco.orders.rules.RealRules;

/** A stored facts snapshot reads back into the very facts the rules saw: same decision, results and firings. */
@QuarkusTest
class FactsSnapshotTest {

    @Inject
    ObjectMapper json;

    @Test
    void replayingAStoredSnapshotGivesTheSameDecisionResultsAndFiringSequence() {
        List<EvaluationFacts> scenarios = List.of(
                Orders.fibre("FIBER-300", 300).facts(),
                Orders.order().phone("PHONE-A15-128", "899.00", 12).customer("RESIDENTIAL", 560, "0", 60).facts(),
                Orders.order().phone("PHONE-A15-128", "899.00", 12).newCustomer().facts(),
                Orders.fibre("FIBER-600", 600).alreadyHas("FIBER-300", "FIBER_INTERNET", true)
                        .pickupAt("ST-JOCKEY").acceptedTerms("2025-07").facts());
        for (EvaluationFacts original : scenarios) {
            EvaluationFacts replayed = FactsSnapshot.read(json, FactsSnapshot.write(json, original));

            EvaluationResult before = RealRules.evaluate(original);
            EvaluationResult after = RealRules.evaluate(replayed);

            assertThat(after.decision()).isEqualTo(before.decision());
            assertThat(describe(after)).isEqualTo(describe(before));
            assertThat(after.firings().stream().map(Firing::ruleName).toList())
                    .isEqualTo(before.firings().stream().map(Firing::ruleName).toList());
            assertThat(replayed.order().getEvaluatedAt()).isEqualTo(original.order().getEvaluatedAt());
            assertThat(replayed.customer().isHasCreditScore()).isEqualTo(original.customer().isHasCreditScore());
        }
    }

    private static List<String> describe(EvaluationResult result) {
        return result.results().stream()
                .map(r -> r.getLine() + " " + r.getCheck() + " " + r.getOutcome() + " " + r.getCode() + " "
                        + r.getMessage() + " " + r.getRuleId())
                .toList();
    }
}
