package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
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
import pe.telco.orders.engine.tables.ExampleCases;

/**
 * What a candidate ruleset must pass before it is stored or activated: it compiles, its workbooks' examples give
 * what they expect, and the most recent stored orders still decide under it. Pure: it runs inside the sandbox
 * process, fed and answered with data only.
 */
public final class CandidateChecks {

    /** A stored order's facts to re-run: which order, and the facts as stored JSON. */
    public record Snapshot(String orderNumber, String facts) {
    }

    /** The files to check; {@code compileOnly} skips running anything (code not yet approved by a second person). */
    public record Request(List<RuleFile> files, boolean compileOnly, List<Snapshot> snapshots, int rowsPerTable) {
    }

    /** What the checks found. */
    public record Result(List<RuleProblem> problems, List<ExampleCases.ExampleResult> examples, int snapshotsChecked,
            int snapshotsUnreadable) {
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
        return new Result(problems, examples, request.snapshots().size(), unreadable);
    }
}
