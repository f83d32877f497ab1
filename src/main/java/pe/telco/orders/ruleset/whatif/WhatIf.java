package pe.telco.orders.ruleset.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What a what-if is asked with and answers: a scenario, the versions to run it on, and what each decides. */
public final class WhatIf {

    private WhatIf() {
    }

    /**
     * Run {@code facts} on one or two versions (none: the active one). {@code evaluationId}, when the scenario
     * started from a stored evaluation, supplies the product data and prices of its items.
     */
    public record Request(Long evaluationId, List<Integer> versions, Scenario facts) {
    }

    /** Where a what-if starts: a stored evaluation's frozen facts (with what was decided) or a blank order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Start(Long evaluationId, String orderNumber, Integer rulesetVersion, String decision,
            int activeVersion, Scenario facts) {
    }

    /** The answer: each version's decision, reasons, fired rows and why-not; for two versions, what differs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(Long evaluationId, String orderNumber, Scenario facts, List<WhatIfRun.Answer> versions,
            Difference difference, boolean stored) {
    }

    /** Between the first version asked and the second: the decision, reasons and rules fired by one only. */
    public record Difference(int from, int to, String decisionFrom, String decisionTo, boolean decisionChanged,
            List<String> reasonsOnlyInFrom, List<String> reasonsOnlyInTo, List<String> rulesOnlyInFrom,
            List<String> rulesOnlyInTo) {

        static Difference of(WhatIfRun.Answer a, WhatIfRun.Answer b) {
            List<String> reasonsA = a.reasons().stream().map(WhatIfRun.Reason::key).toList();
            List<String> reasonsB = b.reasons().stream().map(WhatIfRun.Reason::key).toList();
            List<String> rulesA = a.firedRules().stream().map(WhatIfRun.Fired::rule).distinct().toList();
            List<String> rulesB = b.firedRules().stream().map(WhatIfRun.Fired::rule).distinct().toList();
            return new Difference(a.version(), b.version(), a.decision(), b.decision(),
                    !java.util.Objects.equals(a.decision(), b.decision()), minus(reasonsA, reasonsB),
                    minus(reasonsB, reasonsA), minus(rulesA, rulesB), minus(rulesB, rulesA));
        }

        private static List<String> minus(List<String> a, List<String> b) {
            return a.stream().filter(x -> !b.contains(x)).toList();
        }
    }
}
