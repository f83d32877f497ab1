package pe.telco.orders.ruleset.impact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import pe.telco.orders.audit.record.SnapshotReader;

/** An impact preview run: which versions, which past evaluations, how far it got and what it found. */
@Entity
@Table(name = "impact_job")
// The worker, a cancelling request and the liveness beat write the same row concurrently, each its own columns: a
// full-row update from one would put back the others' columns as it had read them (a cancellation lost to progress).
@DynamicUpdate
public class ImpactJob {

    /** QUEUED → RUNNING → DONE, FAILED or CANCELLED. */
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "candidate_version")
    int candidateVersion;
    @Column(name = "baseline_version")
    int baselineVersion;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    State state;
    @Column(name = "last_n")
    Integer lastN;
    @Column(name = "from_time")
    OffsetDateTime from;
    @Column(name = "to_time")
    OffsetDateTime to;
    int total;
    int processed;
    int changed;
    int failed;
    @Column(name = "cancel_requested")
    boolean cancelRequested;
    @JdbcTypeCode(SqlTypes.JSON)
    String result;
    String error;
    @Column(name = "requested_by")
    String requestedBy;
    @Column(name = "requested_at")
    OffsetDateTime requestedAt;
    @Column(name = "started_at")
    OffsetDateTime startedAt;
    @Column(name = "finished_at")
    OffsetDateTime finishedAt;
    /** Last sign of life from the instance holding the job (see ImpactLiveness). */
    @Column(name = "heartbeat_at")
    OffsetDateTime heartbeatAt;

    protected ImpactJob() {
    }

    ImpactJob(int candidateVersion, int baselineVersion, SnapshotReader.Selection selection, String requestedBy,
            OffsetDateTime at) {
        this.candidateVersion = candidateVersion;
        this.baselineVersion = baselineVersion;
        this.state = State.QUEUED;
        this.lastN = selection.last();
        this.from = selection.from();
        this.to = selection.to();
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.heartbeatAt = at;
    }

    SnapshotReader.Selection selection() {
        return new SnapshotReader.Selection(lastN, from, to);
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }
}
