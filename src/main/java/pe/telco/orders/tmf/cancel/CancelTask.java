package pe.telco.orders.tmf.cancel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A channel's request to cancel an order, kept with its outcome: done, or terminatedWithError and why. */
@Entity
@Table(name = "cancel_product_order")
public class CancelTask {

    static final String DONE = "done";
    static final String TERMINATED_WITH_ERROR = "terminatedWithError";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    private String channel;
    private String state;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    @Column(name = "requested_cancellation_date")
    private OffsetDateTime requestedCancellationDate;
    @Column(name = "creation_date")
    private OffsetDateTime creationDate;
    @Column(name = "effective_cancellation_date")
    private OffsetDateTime effectiveCancellationDate;
    @Column(name = "error_message")
    private String errorMessage;
    private String actor;

    protected CancelTask() {
    }

    CancelTask(long orderId, String channel, String reason, OffsetDateTime requested, OffsetDateTime at, String actor,
            String refusal) {
        this.orderId = orderId;
        this.channel = channel;
        this.cancellationReason = reason;
        this.requestedCancellationDate = requested;
        this.creationDate = at;
        this.actor = actor;
        this.state = refusal == null ? DONE : TERMINATED_WITH_ERROR;
        this.effectiveCancellationDate = refusal == null ? at : null;
        this.errorMessage = refusal;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public String getChannel() { return channel; }
    public String getState() { return state; }
    public String getCancellationReason() { return cancellationReason; }
    public OffsetDateTime getRequestedCancellationDate() { return requestedCancellationDate; }
    public OffsetDateTime getCreationDate() { return creationDate; }
    public OffsetDateTime getEffectiveCancellationDate() { return effectiveCancellationDate; }
    public String getErrorMessage() { return errorMessage; }
}
