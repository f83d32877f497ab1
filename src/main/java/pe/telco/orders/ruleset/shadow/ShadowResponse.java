package pe.telco.orders.ruleset.shadow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import pe.telco.orders.common.OperatorTime;

/** Shadow runs and their differences as answered. */
public final class ShadowResponse {

    private ShadowResponse() {
    }

    /** A run: which candidate, who started and ended it, and what it counted (transitions and rules when read alone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(long id, int candidateVersion, boolean active, String startedBy, OffsetDateTime startedAt,
            String comment, String endedBy, OffsetDateTime endedAt, String endReason, long compared,
            long decisionsChanged, long reasonsChanged, long failed, long skipped, Map<String, Long> transitions,
            Map<String, Long> rules) {

        static Run of(ShadowRun r, Map<String, Long> transitions, Map<String, Long> rules) {
            return new Run(r.id, r.candidateVersion, r.open(), r.startedBy, OperatorTime.local(r.startedAt),
                    r.comment, r.endedBy, r.endedAt == null ? null : OperatorTime.local(r.endedAt), r.endReason,
                    r.compared, r.decisionsChanged, r.reasonsChanged, r.failed, r.skipped, transitions, rules);
        }
    }

    /** A live evaluation the candidate decided otherwise, with other reasons, or could not decide. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(long evaluationId, long orderId, String orderNumber, int liveVersion,
            String liveDecision, String shadowDecision, boolean decisionChanged, List<String> rules,
            List<String> liveReasons, List<String> shadowReasons, String failure, OffsetDateTime comparedAt) {

        static Difference of(ShadowDifference d) {
            return new Difference(d.evaluationId, d.orderId, d.orderNumber, d.liveVersion, d.liveDecision,
                    d.shadowDecision, d.decisionChanged, split(d.rules, ","), split(d.liveReasons, "; "),
                    split(d.shadowReasons, "; "), d.failure, OperatorTime.local(d.comparedAt));
        }

        private static List<String> split(String text, String separator) {
            return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator));
        }
    }
}
