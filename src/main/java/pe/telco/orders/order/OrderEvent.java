package pe.telco.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import pe.telco.orders.common.Ids;

/** One entry of an order's history: a state change or a milestone, with time, actor and cause. Append-only. */
@Entity
@Table(name = "order_event")
public class OrderEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_event_ids")
    @SequenceGenerator(name = "order_event_ids", sequenceName = "order_event_id_seq", allocationSize = Ids.BLOCK)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    private OffsetDateTime at;
    private String milestone;
    @Column(name = "from_state")
    private String fromState;
    @Column(name = "to_state")
    private String toState;
    private String actor;
    private String cause;

    protected OrderEvent() {
    }

    public OrderEvent(Long orderId, OffsetDateTime at, String milestone, OrderState from, OrderState to,
            String actor, String cause) {
        this.orderId = orderId;
        this.at = at;
        this.milestone = milestone;
        this.fromState = from == null ? null : from.tmf();
        this.toState = to == null ? null : to.tmf();
        this.actor = actor;
        this.cause = cause;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public OffsetDateTime getAt() { return at; }
    public String getMilestone() { return milestone; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getActor() { return actor; }
    public String getCause() { return cause; }
}
