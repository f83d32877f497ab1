package pe.telco.orders.ruleset.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.engine.FactsSnapshot;
import pe.telco.orders.engine.OrderEvaluator;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesFailed;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.evaluation.facts.CheckResult;

/**
 * Past orders decided under two versions, side by side: what an impact preview counts. Pure; it runs inside the
 * sandbox process, which compiles both versions once and then answers page after page.
 */
public final class DecisionComparison {

    /** The two versions' files: the one live (baseline) and the one previewed (candidate). */
    public record Versions(List<RuleFile> baseline, List<RuleFile> candidate) {
    }

    /** A stored evaluation to decide again: its id, order and facts as stored JSON. */
    public record PastOrder(long id, long orderId, String orderNumber, String facts) {
    }

    /**
     * Its decision and reasons (REVIEW and FAIL answers as "CHECK OUTCOME CODE") under each version, the rules whose
     * answers differ, and what the order was (customer, amounts, items), or why it could not be decided.
     */
    public record Compared(long id, String from, String to, List<String> differingRules, String failure,
            Ordered ordered, List<String> reasonsBefore, List<String> reasonsAfter) {

        static Compared failed(long id, Ordered ordered, String failure) {
            return new Compared(id, null, null, List.of(), failure, ordered, List.of(), List.of());
        }
    }

    /** What was ordered, in business terms: who, how much (devices, financed, monthly) and which products. */
    public record Ordered(String customer, String currency, java.math.BigDecimal devicesTotal,
            java.math.BigDecimal financedTotal, java.math.BigDecimal monthlyTotal, List<String> items) {

        static Ordered of(EvaluationFacts facts) {
            return new Ordered(facts.customer().getDocumentType() + " " + facts.customer().getDocumentNumber() + " ("
                    + facts.customer().getSegment() + ")", facts.order().getCurrency(),
                    facts.order().getDevicesTotal(), facts.order().getFinancedTotal(), facts.order().getMonthlyTotal(),
                    facts.items().stream().map(i -> i.getQuantity() + " × " + i.getProductCode()).toList());
        }
    }

    private final CompiledRuleset baseline;
    private final CompiledRuleset candidate;
    private final ObjectMapper json;
    private final OrderEvaluator evaluator = new OrderEvaluator();

    public DecisionComparison(Versions versions, ObjectMapper json) {
        RulesetCompiler compiler = new RulesetCompiler();
        this.baseline = compiler.compile(1, versions.baseline());
        this.candidate = compiler.compile(2, versions.candidate());
        this.json = json;
    }

    public List<Compared> compare(List<PastOrder> page) {
        List<Compared> compared = new ArrayList<>(page.size());
        for (PastOrder order : page) {
            compared.add(compare(order));
        }
        return compared;
    }

    private Compared compare(PastOrder order) {
        EvaluationFacts facts;
        try {
            facts = FactsSnapshot.read(json, order.facts());
        } catch (RuntimeException e) {
            return Compared.failed(order.id(), null, "its stored facts could not be read");
        }
        Ordered ordered = Ordered.of(facts);
        try {
            EvaluationResult before = evaluator.evaluate(baseline, facts);
            EvaluationResult after = evaluator.evaluate(candidate, facts);
            return new Compared(order.id(), before.decision().name(), after.decision().name(),
                    differingRules(before, after), null, ordered, reasons(before), reasons(after));
        } catch (RulesFailed e) {
            return Compared.failed(order.id(), ordered, "rule " + (e.ruleId() == null ? "(a condition)" : e.ruleId())
                    + " fails on its facts");
        } catch (RuntimeException e) {
            return Compared.failed(order.id(), ordered, "the rules fail on its facts");
        }
    }

    private static List<String> reasons(EvaluationResult result) {
        return result.reasons().stream().map(r -> r.getCheck() + " " + r.getOutcome() + " " + r.getCode()).toList();
    }

    /** Rules that gave an answer under one version and not under the other (same check, item and code). */
    static List<String> differingRules(EvaluationResult before, EvaluationResult after) {
        Set<String> a = answers(before);
        Set<String> b = answers(after);
        Set<String> rulesInvolved = new TreeSet<>();
        for (CheckResult r : before.results()) {
            if (!b.contains(key(r))) {
                rulesInvolved.add(r.getRuleId() == null ? "?" : r.getRuleId());
            }
        }
        for (CheckResult r : after.results()) {
            if (!a.contains(key(r))) {
                rulesInvolved.add(r.getRuleId() == null ? "?" : r.getRuleId());
            }
        }
        return List.copyOf(rulesInvolved);
    }

    private static Set<String> answers(EvaluationResult result) {
        Set<String> keys = new HashSet<>();
        result.results().forEach(r -> keys.add(key(r)));
        return keys;
    }

    private static String key(CheckResult r) {
        return r.getCheck() + "/" + r.getLine() + "/" + r.getOutcome() + "/" + r.getCode() + "/" + r.getRuleId();
    }
}
