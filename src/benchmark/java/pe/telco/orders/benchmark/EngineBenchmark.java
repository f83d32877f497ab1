package pe.telco.orders.benchmark;

import static pe.telco.orders.rules.Orders.PUNTA_HERMOSA;
import static pe.telco.orders.rules.Orders.VILLA_EL_SALVADOR;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.rules.Orders;
import pe.telco.orders.rules.RealRules;

/**
 * Evaluations per second on the real ruleset: the production {@link OrderEvaluator} (fresh stateless session and
 * firing listener per order) over a mix of orders released, held and rejected on each check.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
// On two cores the JIT settles on the rules after 20 to 30 s (2 s rounds: 7,000, 18,000, 31,000/s, then steady):
// three warm-up rounds left the compiler in the measured ones (22,300 ± 12,500/s), and after ten the first measured
// round was still slow on a slow day (19,600/s, then 26,200 to 29,600/s).
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    /** The compiled real ruleset and the order mix, shared by all threads (the KieBase is shared in production). */
    @State(Scope.Benchmark)
    public static class Ruleset {
        final OrderEvaluator evaluator = new OrderEvaluator(); // one per service, as in EvaluationService
        CompiledRuleset compiled;
        List<EvaluationFacts> mix;

        @Setup
        public void compile() {
            BenchmarkLogging.asInTheService();
            compiled = new RulesetCompiler().compile(1, RealRules.files());
            mix = mix();
            // the mix must really cover each decision, or the figure means something else
            List<Decision> decisions = mix.stream().map(f -> evaluator.evaluate(compiled, f).decision()).toList();
            if (!decisions.contains(Decision.RELEASED) || !decisions.contains(Decision.HELD)
                    || !decisions.contains(Decision.REJECTED)) {
                throw new IllegalStateException("The order mix does not cover every decision: " + decisions);
            }
        }
    }

    /** Each thread walks the mix round-robin. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        EvaluationFacts take(List<EvaluationFacts> mix) {
            EvaluationFacts facts = mix.get(next);
            next = (next + 1) % mix.size();
            return facts;
        }
    }

    @Benchmark
    @Threads(1)
    public EvaluationResult evaluateOneThread(Ruleset ruleset, Cursor cursor) {
        return ruleset.evaluator.evaluate(ruleset.compiled, cursor.take(ruleset.mix));
    }

    @Benchmark
    @Threads(2)
    public EvaluationResult evaluateTwoThreads(Ruleset ruleset, Cursor cursor) {
        return ruleset.evaluator.evaluate(ruleset.compiled, cursor.take(ruleset.mix));
    }

    /** Ten orders: 3 released, 3 held, one rejected on each of coverage, inventory, credit, terms, compatibility. */
    static List<EvaluationFacts> mix() {
        return List.of(
                Orders.fibre("FIBER-300", 300).facts(),
                Orders.fibre("FIBER-600", 600).service("TV-HD", "TV", 0, 12).phone("PHONE-A15-128", "899.00", 12)
                        .facts(),
                Orders.order().phone("PHONE-G54-256", "1099.00", 0).pickupAt("ST-JOCKEY")
                        .stockAt("PHONE-G54-256", "ST-JOCKEY", "STORE", 10, 0).facts(),
                Orders.order().phone("PHONE-A15-128", "899.00", 12).customer("RESIDENTIAL", 560, "0", 60).facts(),
                Orders.order().phone("PHONE-IP15-PRO", "5499.00", 24).facts(),
                Orders.order().phone("PHONE-A15-128", "899.00", 12).customer("BUSINESS", null, "0", 0).facts(),
                Orders.fibre("FIBER-300", 300).at("15311", VILLA_EL_SALVADOR).facts(),
                Orders.order().phone("PHONE-IP15-128", "4299.00", 0)
                        .stockAt("PHONE-IP15-128", "WH-LIMA-NORTE", "WAREHOUSE", 3, 3).facts(),
                Orders.order().phone("PHONE-A15-128", "899.00", 12).customer("RESIDENTIAL", 700, "850.00", 60)
                        .facts(),
                Orders.fibre("FIBER-300", 300).acceptedTerms("2025-07").facts(),
                Orders.fibre("FIBER-600", 600).alreadyHas("FIBER-300", "FIBER_INTERNET", true).facts(),
                Orders.fibre("FIBER-300", 300).at("15841", PUNTA_HERMOSA).phone("PHONE-A15-128", "899.00", 12)
                        .customer("RESIDENTIAL", 560, "0", 60).facts());
    }
}
