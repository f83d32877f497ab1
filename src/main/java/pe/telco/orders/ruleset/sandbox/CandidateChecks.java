package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesFailed;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.suite.RuleCoverage;
import pe.telco.orders.engine.suite.SuiteCase;
import pe.telco.orders.engine.suite.SuiteReader;
import pe.telco.orders.engine.suite.SuiteResult;
import pe.telco.orders.engine.suite.SuiteRunner;
import pe.telco.orders.engine.tables.ExampleCases;

/**
 * What a candidate ruleset must pass before it is stored or activated: it compiles, its workbooks' examples give
 * what they expect, and the most recent stored orders still decide under it. Its regression suites run too: a
 * malformed suite is a problem, a failing case is reported (activation is gated on it, not the upload), and so is
 * the row coverage of examples and suite cases together. Pure: it runs inside the sandbox process, fed and answered
 * with data only.
 */
public final class CandidateChecks {

    /** A stored order's facts to re-run: which order, and the facts as stored JSON. */
    public record Snapshot(String orderNumber, String facts) {
    }

    /**
     * The files to check; {@code compileOnly} skips running anything (code not yet approved by a second person);
     * {@code at} is the moment the suite cases are decided at (absent: now, in Lima).
     */
    public record Request(List<RuleFile> files, boolean compileOnly, List<Snapshot> snapshots, int rowsPerTable,
            OffsetDateTime at) {

        public Request(List<RuleFile> files, boolean compileOnly, List<Snapshot> snapshots, int rowsPerTable) {
            this(files, compileOnly, snapshots, rowsPerTable, null);
        }
    }

    /** What the checks found; {@code suite} and {@code coverage} are absent when nothing ran. */
    public record Result(List<RuleProblem> problems, List<ExampleCases.ExampleResult> examples, int snapshotsChecked,
            int snapshotsUnreadable, List<SuiteResult> suite, RuleCoverage coverage) {

        public Result(List<RuleProblem> problems, List<ExampleCases.ExampleResult> examples, int snapshotsChecked,
                int snapshotsUnreadable) {
            this(problems, examples, snapshotsChecked, snapshotsUnreadable, null, null);
        }
    }

    private final ObjectMapper json;

    public CandidateChecks(ObjectMapper json) {
        this.json = json;
    }

    public Result run(Request request) {
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRuleset candidate;
        try {
            candidate = new RulesetCompiler(new DecisionTableReader.Limits(request.rowsPerTable(),
                    DecisionTableReader.Limits.DEFAULT.sheetsPerWorkbook(),
                    DecisionTableReader.Limits.DEFAULT.bytesPerPart(),
                    DecisionTableReader.Limits.DEFAULT.bytesPerWorkbook())).compile(0, request.files());
        } catch (RulesetInvalid e) {
            return new Result(e.problems(), List.of(), 0, 0);
        }
        if (request.compileOnly()) {
            return new Result(List.of(), List.of(), 0, 0);
        }
        List<ExampleCases.ExampleResult> examples = new ArrayList<>();
        for (RuleFile file : request.files()) {
            examples.addAll(new ExampleCases().run(file, candidate, problems));
        }
        SuiteRunner runner = new SuiteRunner();
        List<SuiteResult> suite = runSuites(request, candidate, runner, problems);
        int unreadable = 0;
        OrderEvaluator evaluator = new OrderEvaluator();
        for (Snapshot snapshot : request.snapshots()) {
            EvaluationFacts facts;
            try {
                facts = FactsSnapshot.read(json, snapshot.facts());
            } catch (RuntimeException e) {
                unreadable++;
                continue;
            }
            try {
                evaluator.evaluate(candidate, facts);
            } catch (RulesFailed e) {
                problems.add(new RuleProblem("order " + snapshot.orderNumber(), "Rule "
                        + (e.ruleId() == null ? "(a condition)" : e.ruleId()) + " fails on the facts of order "
                        + snapshot.orderNumber() + "; nothing was stored", "La regla "
                        + (e.ruleId() == null ? "(una condición)" : e.ruleId()) + " falla con los datos del pedido "
                        + snapshot.orderNumber() + "; no se guardó nada"));
            } catch (RuntimeException e) {
                problems.add(new RuleProblem("order " + snapshot.orderNumber(), "The rules fail on the facts of order "
                        + snapshot.orderNumber() + "; nothing was stored", "Las reglas fallan con los datos del pedido "
                        + snapshot.orderNumber() + "; no se guardó nada"));
            }
            if (problems.size() >= 20) {
                break;
            }
        }
        return new Result(problems, examples, request.snapshots().size(), unreadable, suite,
                coverage(candidate, examples, runner));
    }

    private static List<SuiteResult> runSuites(Request request, CompiledRuleset candidate, SuiteRunner runner,
            List<RuleProblem> problems) {
        OffsetDateTime at = request.at() != null ? request.at() : OffsetDateTime.now(ZoneId.of("America/Lima"));
        SuiteReader reader = new SuiteReader(new DecisionTableReader.Limits(request.rowsPerTable(),
                DecisionTableReader.Limits.DEFAULT.sheetsPerWorkbook(),
                DecisionTableReader.Limits.DEFAULT.bytesPerPart(), DecisionTableReader.Limits.DEFAULT.bytesPerWorkbook()));
        List<SuiteResult> results = new ArrayList<>();
        for (RuleFile file : request.files().stream().filter(RuleFile::isSuite).toList()) {
            List<SuiteCase> cases = reader.read(file, at, problems);
            results.addAll(runner.run(candidate, cases));
        }
        return results;
    }

    /** Every rule no example and no suite case fired. */
    private static RuleCoverage coverage(CompiledRuleset candidate, List<ExampleCases.ExampleResult> examples,
            SuiteRunner runner) {
        Set<String> fired = new TreeSet<>(runner.fired());
        examples.stream().map(ExampleCases.ExampleResult::rule).filter(r -> r != null && !r.isEmpty())
                .forEach(fired::add);
        return RuleCoverage.of(candidate.catalog(), fired);
    }
}
