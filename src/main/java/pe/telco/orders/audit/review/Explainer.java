package pe.telco.orders.audit.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.audit.record.Evaluation;
import pe.telco.orders.audit.record.RuleFiring;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.RuleTables;
import pe.telco.orders.engine.explain.ConditionResult;
import pe.telco.orders.engine.explain.NearestRows;
import pe.telco.orders.engine.explain.QuestionCollector;
import pe.telco.orders.engine.explain.RowMatcher;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Question;

/**
 * Explains a stored evaluation on its own ruleset version and facts: re-opens the same questions, and for each check
 * shows the row that decided with its conditions evaluated, and the nearest table rows that did not fire and why.
 */
@ApplicationScoped
public class Explainer {

    private static final int NEAREST = 3;

    private final DecisionRecord record;
    private final CompiledRulesets rulesets;
    private final ObjectMapper json;

    public Explainer(DecisionRecord record, CompiledRulesets rulesets, ObjectMapper json) {
        this.record = record;
        this.rulesets = rulesets;
        this.json = json;
    }

    /** The explanation in English, as the API gives it. */
    @Transactional
    public Explanation explain(long evaluationId) {
        return explain(evaluationId, "en");
    }

    /** The explanation with its sentences in the console's language: {@code es} or {@code en}. */
    @Transactional
    public Explanation explain(long evaluationId, String language) {
        boolean spanish = "es".equals(language);
        StoredDecision stored = record.find(evaluationId).orElseThrow(() -> new NotFound("Evaluation", evaluationId));
        Evaluation evaluation = stored.evaluation();
        CompiledRuleset ruleset = rulesets.version(evaluation.getRulesetVersion());
        EvaluationFacts facts = FactsSnapshot.read(json, evaluation.getFacts());
        List<Question> questions = QuestionCollector.questionsOf(ruleset, facts);
        List<RuleFiring> firings = stored.firings();
        List<RuleTables.Table> versionTables = rulesets.tables(evaluation.getRulesetVersion());
        List<Explanation.CheckExplanation> checks = new ArrayList<>();
        for (CheckResult result : stored.results()) {
            String check = result.getCheck().name();
            int line = result.getLine();
            Optional<Question> question = questions.stream()
                    .filter(q -> q.getCheck().name().equals(check) && q.getLine() == line).findFirst();
            Optional<RuleTables.Table> table = question.flatMap(q -> tableFor(versionTables, q));
            String decider = firings.stream().filter(f -> check.equals(f.getCheck()) && f.getItemLine() != null
                    && f.getItemLine() == line).map(RuleFiring::getRuleId).findFirst().orElse(null);
            checks.add(new Explanation.CheckExplanation(check, line, result.getProductCode(),
                    result.getOutcome().name(), result.getCode(), result.getMessage(),
                    decidedBy(decider, ruleset, table, question, facts, spanish),
                    table.isPresent() ? nearest(table.get(), question.get(), facts, decider, spanish) : null));
        }
        return new Explanation(evaluationId, evaluation.getDecision().name(), evaluation.getRulesetVersion(), checks);
    }

    private static Optional<RuleTables.Table> tableFor(List<RuleTables.Table> tables, Question question) {
        String type = question.getClass().getSimpleName();
        return tables.stream().filter(t -> !t.conditions().isEmpty()
                && t.conditions().get(0).pattern().replaceAll("\\s", "").endsWith(":" + type)).findFirst();
    }

    private Explanation.RowExplanation decidedBy(String ruleId, CompiledRuleset ruleset,
            Optional<RuleTables.Table> table, Optional<Question> question, EvaluationFacts facts, boolean spanish) {
        if (ruleId == null) {
            return null;
        }
        Optional<RuleTables.Row> row = table.flatMap(t -> t.rows().stream().filter(r -> r.ruleId().equals(ruleId))
                .findFirst());
        if (row.isPresent()) {
            List<ConditionResult> conditions = new RowMatcher(table.get(), facts, spanish).evaluate(row.get(),
                    question.get());
            return rowExplanation(table.get(), row.get(), (spanish ? "se aplicó (la primera fila que coincide): "
                    : "fired (first matching row): ") + conditions.stream()
                    .map(ConditionResult::explanation).collect(Collectors.joining("; ")), conditions);
        }
        String verdict = spanish
                ? " se aplicó; " + (ruleId.startsWith("GUARD") ? "ninguna fila de la tabla cubrió esta verificación"
                        : "es una regla DRL: la explica lo que se aplicó")
                : " fired; " + (ruleId.startsWith("GUARD") ? "no table row matched this check"
                        : "a DRL rule is explained by what fired");
        return ruleset.rule(ruleId).map(info -> new Explanation.RowExplanation(info.id(), info.description(),
                info.source(), info.sheet(), info.row(), info.id() + verdict, null)).orElse(null);
    }

    private static List<Explanation.RowExplanation> nearest(RuleTables.Table table, Question question, EvaluationFacts facts,
            String decider, boolean spanish) {
        return NearestRows.of(table, question, facts, decider, spanish, NEAREST).stream()
                .map(n -> rowExplanation(table, n.row(), n.whyNot(), n.conditions())).toList();
    }

    private static Explanation.RowExplanation rowExplanation(RuleTables.Table table, RuleTables.Row row,
            String verdict, List<ConditionResult> conditions) {
        return new Explanation.RowExplanation(row.ruleId(), row.description(), table.file(), table.sheet(),
                row.excelRow(), row.ruleId() + " '" + row.description() + "' " + verdict, conditions);
    }
}
