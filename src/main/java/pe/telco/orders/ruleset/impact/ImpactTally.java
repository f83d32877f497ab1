package pe.telco.orders.ruleset.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.telco.orders.audit.record.SnapshotReader;
import pe.telco.orders.ruleset.sandbox.DecisionComparison;

/**
 * What an impact preview found so far: decisions changed (from → to) and, counted apart, orders whose decision stays
 * but whose reasons change; each such order is listed (up to the limit) with what was ordered and both answers.
 */
public final class ImpactTally {

    /**
     * One order whose decision or reasons would change: what was ordered, the decision and the REVIEW / FAIL reasons
     * before and after, and the rules whose answers differ.
     */
    public record ChangedOrder(long orderId, String orderNumber, String from, String to, List<String> rules,
            boolean decisionChanged, DecisionComparison.Ordered ordered, List<String> reasonsBefore,
            List<String> reasonsAfter) {
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
    private boolean truncated;
    private final List<Failure> failures = new ArrayList<>();

    ImpactTally(int orderLimit) {
        this.orderLimit = orderLimit;
    }

    void add(SnapshotReader.Snapshot snapshot, DecisionComparison.Compared compared) {
        if (compared.failure() != null) {
            fail(snapshot, compared.failure());
            return;
        }
        processed++;
        List<String> differing = compared.differingRules();
        boolean decisionChanged = !compared.from().equals(compared.to());
        if (!decisionChanged && differing.isEmpty()) {
            return;
        }
        if (decisionChanged) {
            changed++;
            transitions.merge(compared.from() + " → " + compared.to(), 1, Integer::sum);
            differing.forEach(rule -> rules.merge(rule, 1, Integer::sum));
        } else {
            reasonsChanged++;
        }
        if (orders.size() < orderLimit) {
            orders.add(new ChangedOrder(snapshot.orderId(), snapshot.orderNumber(), compared.from(), compared.to(),
                    differing, decisionChanged, compared.ordered(), compared.reasonsBefore(),
                    compared.reasonsAfter()));
        } else {
            truncated = true;
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
                failed, transitions, rules, orders, truncated, failures, millis);
    }
}
