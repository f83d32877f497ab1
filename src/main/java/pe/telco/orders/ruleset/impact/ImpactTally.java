package pe.telco.orders.ruleset.impact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import pe.telco.orders.evaluation.EvaluationResult;
import pe.telco.orders.evaluation.facts.CheckResult;

/** What an impact preview found so far: decisions changed, from → to, and the orders and rules involved. */
public final class ImpactTally {

    /** One order whose decision would change, and the rules whose answers differ. */
    public record ChangedOrder(long orderId, String orderNumber, String from, String to, List<String> rules) {
    }

    /** A stored order the rules could not decide (under either version). */
    public record Failure(long orderId, String orderNumber, String message) {
    }

    /** The report kept with the job. */
    public record Report(int baselineVersion, int candidateVersion, int processed, int changed, int unchanged,
            int reasonsChanged, int failed, Map<String, Integer> transitions, Map<String, Integer> rules,
            List<ChangedOrder> orders, boolean ordersTruncated, List<Failure> failures, long millis) {
    }

    private final int orderLimit;
    int processed;
    int changed;
    int reasonsChanged;
    int failed;
    private final Map<String, Integer> transitions = new TreeMap<>();
    private final Map<String, Integer> rules = new TreeMap<>();
    private final List<ChangedOrder> orders = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    ImpactTally(int orderLimit) {
        this.orderLimit = orderLimit;
    }

    void add(SnapshotReader.Snapshot snapshot, EvaluationResult before, EvaluationResult after) {
        processed++;
        List<String> differing = differingRules(before, after);
        if (before.decision() == after.decision()) {
            reasonsChanged += differing.isEmpty() ? 0 : 1;
            return;
        }
        changed++;
        transitions.merge(before.decision() + " → " + after.decision(), 1, Integer::sum);
        differing.forEach(rule -> rules.merge(rule, 1, Integer::sum));
        if (orders.size() < orderLimit) {
            orders.add(new ChangedOrder(snapshot.orderId(), snapshot.orderNumber(), before.decision().name(),
                    after.decision().name(), differing));
        }
    }

    void fail(SnapshotReader.Snapshot snapshot, String message) {
        processed++;
        failed++;
        if (failures.size() < orderLimit) {
            failures.add(new Failure(snapshot.orderId(), snapshot.orderNumber(), message));
        }
    }

    Report report(int baseline, int candidate, long millis) {
        return new Report(baseline, candidate, processed, changed, processed - changed - failed, reasonsChanged,
                failed, transitions, rules, orders, changed > orders.size(), failures, millis);
    }

    /** Rules that gave an answer under one version and not under the other (same check, item and code). */
    private static List<String> differingRules(EvaluationResult before, EvaluationResult after) {
        Set<String> a = answers(before);
        Set<String> b = answers(after);
        Set<String> rulesInvolved = new java.util.TreeSet<>();
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
