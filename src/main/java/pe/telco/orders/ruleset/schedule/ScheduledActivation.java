package pe.telco.orders.ruleset.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An approver's request that a version go live at an instant, and how it ended: who, for when, what happened. */
@Entity
@Table(name = "ruleset_schedule")
public class ScheduledActivation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int version;
    @Column(name = "switch_at")
    private OffsetDateTime switchAt;
    @Enumerated(EnumType.STRING)
    private ScheduleState state;
    @Column(name = "scheduled_by")
    private String scheduledBy;
    @Column(name = "scheduled_at")
    private OffsetDateTime scheduledAt;
    private String comment;
    @Column(name = "switched_at")
    private OffsetDateTime switchedAt;
    private Integer previous;
    private String failure;
    @Column(name = "failed_at")
    private OffsetDateTime failedAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;

    protected ScheduledActivation() {
    }

    ScheduledActivation(int version, OffsetDateTime switchAt, String scheduledBy, OffsetDateTime scheduledAt,
            String comment) {
        this.version = version;
        this.switchAt = switchAt;
        this.state = ScheduleState.PENDING;
        this.scheduledBy = scheduledBy;
        this.scheduledAt = scheduledAt;
        this.comment = comment;
    }

    void switched(int previousVersion, OffsetDateTime at) {
        this.state = ScheduleState.DONE;
        this.previous = previousVersion;
        this.switchedAt = at;
    }

    void cancel(String by, String reason, OffsetDateTime at) {
        this.state = ScheduleState.CANCELLED;
        this.cancelledBy = by;
        this.cancelReason = reason;
        this.cancelledAt = at;
    }

    public Long getId() { return id; }
    public int getVersion() { return version; }
    public OffsetDateTime getSwitchAt() { return switchAt; }
    public ScheduleState getState() { return state; }
    public String getScheduledBy() { return scheduledBy; }
    public OffsetDateTime getScheduledAt() { return scheduledAt; }
    public String getComment() { return comment; }
    public OffsetDateTime getSwitchedAt() { return switchedAt; }
    public Integer getPrevious() { return previous; }
    public String getFailure() { return failure; }
    public OffsetDateTime getFailedAt() { return failedAt; }
    public String getCancelledBy() { return cancelledBy; }
    public OffsetDateTime getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }
}
