package pe.telco.orders.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The satisfaction contact due after an order is completed (or partly), and the customer's answer. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    public static final String DUE = "DUE";
    public static final String ANSWERED = "ANSWERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    private String state;
    @Column(name = "due_on")
    private LocalDate dueOn;
    private Integer score;
    private String comment;
    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Version
    private long version;

    protected FollowUp() {
    }

    FollowUp(Long orderId, LocalDate dueOn, OffsetDateTime at) {
        this.orderId = orderId;
        this.state = DUE;
        this.dueOn = dueOn;
        this.createdAt = at;
    }

    void answer(int score, String comment, OffsetDateTime at) {
        this.state = ANSWERED;
        this.score = score;
        this.comment = comment;
        this.answeredAt = at;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public String getState() { return state; }
    public LocalDate getDueOn() { return dueOn; }
    public Integer getScore() { return score; }
    public String getComment() { return comment; }
    public OffsetDateTime getAnsweredAt() { return answeredAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
