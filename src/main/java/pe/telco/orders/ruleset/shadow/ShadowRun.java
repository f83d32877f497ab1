package pe.telco.orders.ruleset.shadow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.DynamicUpdate;

/** A candidate deciding live evaluations beside the active version: who started and ended it, what it counted. */
@Entity
@Table(name = "shadow_run")
// The shadow worker adds to the counts in SQL while a request may end the run: ending writes only the end columns,
// or it would put back the counts as it had read them.
@DynamicUpdate
public class ShadowRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "candidate_version")
    int candidateVersion;
    @Column(name = "started_by")
    String startedBy;
    @Column(name = "started_at")
    OffsetDateTime startedAt;
    String comment;
    @Column(name = "ended_by")
    String endedBy;
    @Column(name = "ended_at")
    OffsetDateTime endedAt;
    @Column(name = "end_reason")
    String endReason;
    long compared;
    @Column(name = "decisions_changed")
    long decisionsChanged;
    @Column(name = "reasons_changed")
    long reasonsChanged;
    long failed;
    long skipped;

    protected ShadowRun() {
    }

    ShadowRun(int candidateVersion, String startedBy, String comment, OffsetDateTime at) {
        this.candidateVersion = candidateVersion;
        this.startedBy = startedBy;
        this.comment = comment;
        this.startedAt = at;
    }

    boolean open() {
        return endedAt == null;
    }

    void end(String by, String reason, OffsetDateTime at) {
        endedBy = by;
        endReason = reason;
        endedAt = at;
    }
}
