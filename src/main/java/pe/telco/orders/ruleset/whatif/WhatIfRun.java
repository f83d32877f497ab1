package pe.telco.orders.ruleset.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.Firing;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleTables;
import pe.telco.orders.engine.RulesFailed;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.explain.ConditionResult;
import pe.telco.orders.engine.explain.NearestRows;
import pe.telco.orders.engine.explain.QuestionCollector;
import pe.telco.orders.engine.explain.RowMatcher;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Outcome;
import pe.telco.orders.evaluation.facts.Question;

/**
 * One version's answer to a what-if: the decision, the reasons, the rules and rows that fired, and per check the row
 * that decided and the nearest rows that did not, with each condition evaluated on the facts. Pure and stateless: it
 * runs in the service for versions that were live, and in the sandbox process for candidates.
 */
public final class WhatIfRun {

    private static final int NEAREST = 3;

    /** What one version decides on the scenario; {@code failure} instead of a decision when its rules fail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(int version, String status, String decision, List<Reason> reasons, List<Fired> firedRules,
            List<CheckWhy> checks, String failure) {
    }

    /** A REVIEW or FAIL answer (what the order would be held or rejected for). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String check, String outcome, String code, String message, String productCode,
            Integer line, String rule) {

        /** How two versions' reasons are compared: check, outcome, code and line. */
        public String key() {
            return check + " " + outcome + " " + code + (line == null ? "" : " #" + line);
        }
    }

    /** A rule that fired, in order, and where it is written (table row or DRL line). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fired(int sequence, String rule, String description, String source, String sheet, Integer row,
            String check, String outcome, String code, Integer item) {
    }

    /** One check for the order (line 0) or an item: its answer, the row that gave it, the nearest rows that did not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckWhy(String check, int line, String productCode, String outcome, String code, String message,
            RowWhy decidedBy, List<RowWhy> nearestNotFired) {
    }

    /** A table row (or DRL rule), a sentence about it, and its condition cells evaluated on the scenario. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowWhy(String ruleId, String description, String source, String sheet, Integer row, String sentence,
            List<ConditionResult> conditions) {
    }

    /** Versions that never were live, to run in the sandbox process on the facts (stored JSON). */
    public record SandboxRequest(List<Version> versions, String facts, boolean spanish) {
    }

    /** One version's files and status. */
    public record Version(int version, String status, List<RuleFile> files) {
    }

    /** What the sandbox answers: one answer per version, in the order asked. */
    public record SandboxAnswer(List<Answer> answers) {
    }

    private WhatIfRun() {
    }

    /** Inside the sandbox: compiles each version and decides the facts under it. */
    public static SandboxAnswer inSandbox(SandboxRequest request, ObjectMapper json) {
        EvaluationFacts facts = FactsSnapshot.read(json, request.facts());
        RulesetCompiler compiler = new RulesetCompiler();
        return new SandboxAnswer(request.versions().stream().map(v -> run(compiler.compile(v.version(), v.files()),
                RuleTables.of(v.files()), facts, v.status(), request.spanish())).toList());
    }

    public static Answer run(CompiledRuleset ruleset, List<RuleTables.Table> tables, EvaluationFacts facts,
            String status, boolean spanish) {
        EvaluationResult result;
        try {
            result = new OrderEvaluator().evaluate(ruleset, facts);
        } catch (RulesFailed e) {
            return new Answer(ruleset.version(), status, null, List.of(), List.of(), List.of(), e.getMessage());
        }
        List<Question> questions = QuestionCollector.questionsOf(ruleset, facts);
        List<CheckWhy> checks = result.results().stream()
                .map(r -> why(r, result.firings(), ruleset, tables, questions, facts, spanish)).toList();
        return new Answer(ruleset.version(), status, result.decision().name(),
                result.results().stream().filter(r -> r.getOutcome() != Outcome.PASS).map(WhatIfRun::reason).toList(),
                result.firings().stream().map(WhatIfRun::fired).toList(), checks, null);
    }

    private static Reason reason(CheckResult r) {
        return new Reason(r.getCheck().name(), r.getOutcome().name(), r.getCode(), r.getMessage(), r.getProductCode(),
                r.getLine() == 0 ? null : r.getLine(), r.getRuleId());
    }

    private static Fired fired(Firing f) {
        CheckResult produced = f.produced().isEmpty() ? null : f.produced().get(0);
        boolean known = f.rule() != null;
        return new Fired(f.sequence(), known ? f.rule().id() : f.ruleName(), known ? f.rule().description() : null,
                known ? f.rule().source() : null, known ? f.rule().sheet() : null, known ? f.rule().row() : null,
                produced == null ? null : produced.getCheck().name(),
                produced == null ? null : produced.getOutcome().name(), produced == null ? null : produced.getCode(),
                produced == null || produced.getLine() == 0 ? null : produced.getLine());
    }

    private static CheckWhy why(CheckResult result, List<Firing> firings, CompiledRuleset ruleset,
            List<RuleTables.Table> tables, List<Question> questions, EvaluationFacts facts, boolean spanish) {
        Optional<Question> question = questions.stream().filter(q -> q.getCheck() == result.getCheck()
                && q.getLine() == result.getLine()).findFirst();
        Optional<RuleTables.Table> table = question.flatMap(q -> tableFor(tables, q));
        String decider = firings.stream().filter(f -> f.produced().stream().anyMatch(p -> p == result))
                .map(f -> CompiledRuleset.idOf(f.ruleName())).findFirst().orElse(result.getRuleId());
        return new CheckWhy(result.getCheck().name(), result.getLine(), result.getProductCode(),
                result.getOutcome().name(), result.getCode(), result.getMessage(),
                decidedBy(decider, ruleset, table, question, facts, spanish),
                table.isPresent() ? nearest(table.get(), question.get(), facts, decider, spanish) : null);
    }

    private static Optional<RuleTables.Table> tableFor(List<RuleTables.Table> tables, Question question) {
        String type = question.getClass().getSimpleName();
        return tables.stream().filter(t -> !t.conditions().isEmpty()
                && t.conditions().get(0).pattern().replaceAll("\\s", "").endsWith(":" + type)).findFirst();
    }

    private static RowWhy decidedBy(String ruleId, CompiledRuleset ruleset, Optional<RuleTables.Table> table,
            Optional<Question> question, EvaluationFacts facts, boolean spanish) {
        if (ruleId == null) {
            return null;
        }
        Optional<RuleTables.Row> row = table.flatMap(t -> t.rows().stream().filter(r -> r.ruleId().equals(ruleId))
                .findFirst());
        if (row.isPresent()) {
            List<ConditionResult> conditions = new RowMatcher(table.get(), facts, spanish).evaluate(row.get(),
                    question.get());
            return rowWhy(table.get(), row.get(), (spanish ? "se aplicó (la primera fila que coincide): "
                    : "fired (first matching row): ") + conditions.stream().map(ConditionResult::explanation)
                    .collect(Collectors.joining("; ")), conditions);
        }
        String verdict = ruleId.startsWith("GUARD")
                ? (spanish ? " se aplicó; ninguna fila de la tabla cubrió esta verificación"
                        : " fired; no table row matched this check")
                : (spanish ? " se aplicó (regla DRL)" : " fired (a DRL rule)");
        return ruleset.rule(ruleId).map(info -> new RowWhy(info.id(), info.description(), info.source(),
                info.sheet(), info.row(), info.id() + verdict, null)).orElse(null);
    }

    private static List<RowWhy> nearest(RuleTables.Table table, Question question, EvaluationFacts facts,
            String decider, boolean spanish) {
        return NearestRows.of(table, question, facts, decider, spanish, NEAREST).stream()
                .map(n -> rowWhy(table, n.row(), n.whyNot(), n.conditions())).toList();
    }

    private static RowWhy rowWhy(RuleTables.Table table, RuleTables.Row row, String verdict,
            List<ConditionResult> conditions) {
        return new RowWhy(row.ruleId(), row.description(), table.file(), table.sheet(), row.excelRow(),
                row.ruleId() + " '" + row.description() + "' " + verdict, conditions);
    }
}
