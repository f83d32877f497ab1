package pe.telco.orders.engine.explain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.RuleTables;
import pe.telco.orders.evaluation.facts.Question;

/**
 * The rows of a table that came closest to deciding a question without deciding it, with why each did not: what an
 * auditor's explanation and a what-if answer both show under the row that decided.
 */
public final class NearestRows {

    /** A row that did not decide, its conditions as evaluated on the facts and why, in the reader's language. */
    public record Near(RuleTables.Row row, List<ConditionResult> conditions, String whyNot) {
    }

    private NearestRows() {
    }

    /**
     * Up to {@code limit} rows other than {@code decider}'s: fewest failing cells first, then the rows closest to the
     * one that decided (similar cases), then table order.
     */
    public static List<Near> of(RuleTables.Table table, Question question, EvaluationFacts facts, String decider,
            boolean spanish, int limit) {
        RowMatcher matcher = new RowMatcher(table, facts, spanish);
        int deciderRow = table.rows().stream().filter(r -> r.ruleId().equals(decider))
                .mapToInt(RuleTables.Row::excelRow).findFirst().orElse(Integer.MAX_VALUE);
        record Candidate(RuleTables.Row row, List<ConditionResult> conditions, long failing) {
        }
        return table.rows().stream().filter(r -> !r.ruleId().equals(decider))
                .map(r -> {
                    List<ConditionResult> c = matcher.evaluate(r, question);
                    return new Candidate(r, c, RowMatcher.failing(c));
                })
                .sorted(Comparator.comparingLong(Candidate::failing)
                        .thenComparingInt(c -> Math.abs(c.row().excelRow() - Math.min(deciderRow, 1_000_000)))
                        .thenComparingInt(c -> c.row().excelRow()))
                .limit(limit)
                .map(c -> new Near(c.row(), c.conditions(), whyNot(c.conditions(), c.failing(),
                        c.row().excelRow() > deciderRow, decider, spanish)))
                .toList();
    }

    private static String whyNot(List<ConditionResult> conditions, long failing, boolean below, String decider,
            boolean spanish) {
        if (failing > 0) {
            return (spanish ? "no se aplicó: " : "did not fire: ") + conditions.stream()
                    .filter(c -> Boolean.FALSE.equals(c.holds())).map(ConditionResult::explanation)
                    .collect(Collectors.joining("; "));
        }
        if (below && decider != null) {
            return spanish ? "también coincide, pero " + decider + ", más arriba, decidió primero"
                    : "matches too, but " + decider + " above it decided first (first hit)";
        }
        return spanish ? "no se aplicó; se cumplen todas las condiciones que se pudieron evaluar"
                : "did not fire; every condition that could be evaluated holds";
    }
}
