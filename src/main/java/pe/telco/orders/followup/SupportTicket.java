package pe.telco.orders.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Support scheduled for a customer: after a failed installation or a low satisfaction score. */
@Entity
@Table(name = "support_ticket")
public class SupportTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private Long orderId;
    private String reason;
    private String detail;
    private String state;
    @Column(name = "contact_on")
    private LocalDate contactOn;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected SupportTicket() {
    }

    SupportTicket(Long orderId, String reason, String detail, LocalDate contactOn, OffsetDateTime at) {
        this.orderId = orderId;
        this.reason = reason;
        this.detail = detail;
        this.state = "OPEN";
        this.contactOn = contactOn;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
    public String getState() { return state; }
    public LocalDate getContactOn() { return contactOn; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
