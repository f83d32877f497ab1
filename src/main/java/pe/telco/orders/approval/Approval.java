package pe.telco.orders.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person's decision on a held order: approved or declined, by whom, when and why. */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    private boolean approved;
    private String comment;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected Approval() {
    }

    Approval(Long orderId, boolean approved, String comment, String decidedBy, OffsetDateTime decidedAt) {
        this.orderId = orderId;
        this.approved = approved;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public boolean isApproved() { return approved; }
    public String getComment() { return comment; }
    public String getDecidedBy() { return decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
}
