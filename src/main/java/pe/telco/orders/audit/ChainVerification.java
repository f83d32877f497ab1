package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * The result of walking the hash chain: how much was checked, the first broken link if any, what waits for a seal;
 * and the signed checkpoints held against it: how many, the last, the first that disagrees with the chain, and how
 * many seals no checkpoint covers yet. {@code valid} only when both agree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long checked, Long firstSeq, Long lastSeq, String headHash,
        BrokenLink firstBroken, long notYetSealed, OffsetDateTime verifiedAt, Long checkpoints,
        CheckpointSummary lastCheckpoint, BrokenCheckpoint firstBrokenCheckpoint, Long notYetCheckpointed) {

    /** Where the chain breaks and why: the evaluation's content changed, a link is missing, or a row is gone. */
    public record BrokenLink(long seq, long evaluationId, String reason) {
    }

    /** A checkpoint as verified: its number, the seal it names and that seal's hash, when it was signed. */
    public record CheckpointSummary(long number, long seq, String headHash, long sealedCount, String createdAt) {
    }

    /**
     * The first checkpoint that does not hold: its signature fails, or the chain no longer has the head it signed
     * (rewritten or cut). {@code seq} is the seal it names, when it could be read.
     */
    public record BrokenCheckpoint(long number, String location, Long seq, String reason) {
    }
}
