package pe.telco.orders.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The result of walking the hash chain: how much was checked, the first broken link if any, what waits for a seal;
 * and the signed checkpoints held against it: how many, the last, the first that disagrees with the chain, and how
 * many seals no checkpoint covers yet; the chain month by month, how many links a recorded retention run
 * pseudonymised, and every retention run checked. {@code valid} only when all agree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long checked, Long firstSeq, Long lastSeq, String headHash,
        BrokenLink firstBroken, long notYetSealed, OffsetDateTime verifiedAt, Long checkpoints,
        CheckpointSummary lastCheckpoint, BrokenCheckpoint firstBrokenCheckpoint, Long notYetCheckpointed,
        List<MonthSection> months, Long pseudonymised, List<RetentionRunReport> retentionRuns) {

    /**
     * One month of the chain as walked: its links (seq range), where its chain was carried from (the nearest earlier
     * month's last hash then, or "genesis"; absent when the month's start lies outside the walk or before per-month
     * chaining), its head, and how many of its links a retention run pseudonymised.
     */
    public record MonthSection(String month, long links, long firstSeq, long lastSeq, String carriedFrom,
            String carriedHash, String headHash, long pseudonymised) {
    }

    /**
     * A retention run as recorded: the month, who requested and who approved it and when, what it did, and whether
     * its record still holds (its own hash, the link to the run before, the digest of its pseudonymisations).
     */
    public record RetentionRunReport(long id, String month, String status, String reason, String requestedBy,
            OffsetDateTime requestedAt, String approvedBy, OffsetDateTime approvedAt, OffsetDateTime appliedAt,
            long pseudonymised, long held, String hash, boolean valid, String problem) {
    }

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
