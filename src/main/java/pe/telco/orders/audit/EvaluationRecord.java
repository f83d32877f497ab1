package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One evaluation in full, as stored: facts, every check result, every firing, versions, actor and its seal, and the
 * OpenTelemetry trace it was made in ({@code traceId}: operational metadata, not covered by the seal; absent for
 * evaluations stored before tracing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationRecord(long id, long orderId, String orderNumber, String channel, String customerDocument,
        String decision, int rulesetVersion, String rulesetHash, OffsetDateTime evaluatedAt, long durationMicros,
        String actor, String appVersion, String droolsVersion, String traceId, JsonNode facts, JsonNode results,
        List<RuleFiringItem> firings, Seal seal) {

    /** Where the evaluation sits in the hash chain; absent until the sealer has reached it. */
    public record Seal(long seq, String prevHash, String hash, OffsetDateTime sealedAt) {
    }
}
