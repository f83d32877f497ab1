package pe.telco.orders.audit.review;

import java.util.List;

/** A stored evaluation re-run on its stored facts and ruleset version: identical, or every difference by field. */
public record ReplayReport(long evaluationId, int rulesetVersion, boolean rulesetHashMatches, String originalAppVersion,
        String replayAppVersion, String originalDecision, String replayedDecision, boolean identical,
        List<Difference> differences) {

    /** One field that differs, e.g. {@code results[2].code} or {@code firings[5].ruleId}. */
    public record Difference(String field, String original, String replayed) {
    }
}
