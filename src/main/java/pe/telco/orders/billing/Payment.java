package pe.telco.orders.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import pe.telco.orders.order.PaymentMethod;

/** Money received against an invoice. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "invoice_id")
    private Long invoiceId;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PaymentMethod method;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
    private String actor;

    protected Payment() {
    }

    Payment(Long invoiceId, BigDecimal amount, String currency, PaymentMethod method, OffsetDateTime paidAt,
            String actor) {
        this.invoiceId = invoiceId;
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.paidAt = paidAt;
        this.actor = actor;
    }

    public Long getId() { return id; }
    public Long getInvoiceId() { return invoiceId; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public PaymentMethod getMethod() { return method; }
    public OffsetDateTime getPaidAt() { return paidAt; }
    public String getActor() { return actor; }
}
