package pe.telco.orders.engine.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.RuleTables;
import pe.telco.orders.evaluation.facts.Question;

/**
 * Evaluates every condition cell of a table row for one question. Conditions on the question's pattern read the
 * question; conditions on another pattern ({@code $t : TechnologyAtAddress}) read the stored fact of that type that
 * comes closest to matching (fewest failing cells), as Drools would try each.
 */
public final class RowMatcher {

    private final RuleTables.Table table;
    private final EvaluationFacts facts;
    private final boolean spanish;

    public RowMatcher(RuleTables.Table table, EvaluationFacts facts, boolean spanish) {
        this.table = table;
        this.facts = facts;
        this.spanish = spanish;
    }

    public List<ConditionResult> evaluate(RuleTables.Row row, Question question) {
        Map<String, List<RuleTables.Condition>> byPattern = new LinkedHashMap<>();
        for (RuleTables.Condition condition : table.conditions()) {
            if (row.values().containsKey(condition.column())) {
                byPattern.computeIfAbsent(condition.pattern(), p -> new ArrayList<>()).add(condition);
            }
        }
        String questionPattern = table.conditions().get(0).pattern();
        Map<String, Object> bindings = Map.of(variable(questionPattern), question);
        List<ConditionResult> results = new ArrayList<>();
        for (Map.Entry<String, List<RuleTables.Condition>> group : byPattern.entrySet()) {
            if (group.getKey().equals(questionPattern)) {
                results.addAll(on(question, group.getValue(), row, bindings));
            } else {
                results.addAll(onClosest(group.getKey(), group.getValue(), row, bindings));
            }
        }
        return results;
    }

    private List<ConditionResult> onClosest(String pattern, List<RuleTables.Condition> conditions, RuleTables.Row row,
            Map<String, Object> bindings) {
        String type = pattern.substring(pattern.indexOf(':') + 1).strip();
        List<Object> candidates = facts.all().stream().filter(f -> f.getClass().getSimpleName().equals(type)).toList();
        if (candidates.isEmpty()) {
            return conditions.stream().map(c -> new ConditionResult(c.column(), c.label(),
                    c.snippet().replace("$param", row.values().get(c.column())), false,
                    spanish ? "no hay ningún " + type + " en los datos" : "there is no " + type + " in the facts"))
                    .toList();
        }
        return candidates.stream().map(fact -> on(fact, conditions, row, bindings))
                .min(Comparator.comparingLong(RowMatcher::failing)).orElseThrow();
    }

    private List<ConditionResult> on(Object fact, List<RuleTables.Condition> conditions, RuleTables.Row row,
            Map<String, Object> bindings) {
        return conditions.stream().map(c -> ConditionEvaluator.evaluate(c.column(), c.label(), c.snippet(),
                row.values().get(c.column()), fact, bindings, spanish)).toList();
    }

    public static long failing(List<ConditionResult> results) {
        return results.stream().filter(r -> Boolean.FALSE.equals(r.holds())).count();
    }

    private static String variable(String pattern) {
        int colon = pattern.indexOf(':');
        return colon < 0 ? pattern.strip() : pattern.substring(0, colon).strip();
    }
}
