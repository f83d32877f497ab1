package pe.telco.orders.billing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.order.PaymentMethod;

/** The invoice of a completed (or partly completed) order: its lines, IGV inside the totals, and what was paid. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "invoice_number")
    private String invoiceNumber;
    @Column(name = "order_id")
    private Long orderId;
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;
    @Enumerated(EnumType.STRING)
    private InvoiceState state;
    @Column(name = "igv_rate")
    private BigDecimal igvRate;
    private BigDecimal total;
    private BigDecimal base;
    private BigDecimal igv;
    private BigDecimal paid;
    @Column(name = "issued_at")
    private OffsetDateTime issuedAt;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Version
    private long version;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("line")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    Invoice(String invoiceNumber, Long orderId, String currency, PaymentMethod paymentMethod, BigDecimal igvRate,
            OffsetDateTime issuedAt, LocalDate dueOn) {
        this.invoiceNumber = invoiceNumber;
        this.orderId = orderId;
        this.currency = currency;
        this.paymentMethod = paymentMethod;
        this.state = InvoiceState.ISSUED;
        this.igvRate = igvRate;
        this.issuedAt = issuedAt;
        this.dueOn = dueOn;
        Igv zero = Igv.zero();
        this.total = zero.total();
        this.base = zero.base();
        this.igv = zero.igv();
        this.paid = zero.total();
    }

    void addLine(int orderLine, String description, BigDecimal amount) {
        Igv amounts = Igv.inside(amount, igvRate);
        lines.add(new InvoiceLine(this, lines.size() + 1, orderLine, description, amounts));
        Igv sum = new Igv(total, base, igv).plus(amounts);
        total = sum.total();
        base = sum.base();
        igv = sum.igv();
    }

    /** Unpaid after the due date: moves to OVERDUE (once); true when it did. */
    boolean markOverdueOn(LocalDate today) {
        if (today.isAfter(dueOn) && InvoiceState.MACHINE.allows(state, "due-date-passed")) {
            state = InvoiceState.MACHINE.next(state, "due-date-passed", "Invoice " + invoiceNumber, ref());
            return true;
        }
        return false;
    }

    /** Records an amount already checked against the balance; the machine decides the next state. */
    InvoiceState pay(BigDecimal amount) {
        BigDecimal after = paid.add(amount);
        String action = after.compareTo(total) == 0 ? "settlement" : "payment";
        state = InvoiceState.MACHINE.next(state, action, "Invoice " + invoiceNumber, ref());
        paid = after;
        return state;
    }

    /** The state as of {@code today}: an unpaid invoice past its due date reads overdue even before it is stored. */
    public InvoiceState stateOn(LocalDate today) {
        return today.isAfter(dueOn) && InvoiceState.MACHINE.allows(state, "due-date-passed") ? InvoiceState.OVERDUE
                : state;
    }

    public BigDecimal balance() {
        return total.subtract(paid);
    }

    public ResourceRef ref() {
        return ResourceRef.of("invoices", id);
    }

    public Long getId() { return id; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public Long getOrderId() { return orderId; }
    public String getCurrency() { return currency; }
    public PaymentMethod getPaymentMethod() { return paymentMethod; }
    public InvoiceState getState() { return state; }
    public BigDecimal getIgvRate() { return igvRate; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getBase() { return base; }
    public BigDecimal getIgv() { return igv; }
    public BigDecimal getPaid() { return paid; }
    public OffsetDateTime getIssuedAt() { return issuedAt; }
    public LocalDate getDueOn() { return dueOn; }
    public List<InvoiceLine> getLines() { return Collections.unmodifiableList(lines); }
}
