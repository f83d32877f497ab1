package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** The result of walking the hash chain: how much was checked, the first broken link if any, what waits for a seal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long checked, Long firstSeq, Long lastSeq, String headHash,
        BrokenLink firstBroken, long notYetSealed, OffsetDateTime verifiedAt) {

    /** Where the chain breaks and why: the evaluation's content changed, a link is missing, or a row is gone. */
    public record BrokenLink(long seq, long evaluationId, String reason) {
    }
}
