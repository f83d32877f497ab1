package pe.telco.orders.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One charge of an invoice: its total as the customer saw it, and the base and IGV inside it. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    @Column(name = "line_no")
    private int line;
    @Column(name = "order_line")
    private int orderLine;
    private String description;
    private BigDecimal total;
    private BigDecimal base;
    private BigDecimal igv;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int line, int orderLine, String description, Igv amounts) {
        this.invoice = invoice;
        this.line = line;
        this.orderLine = orderLine;
        this.description = description;
        this.total = amounts.total();
        this.base = amounts.base();
        this.igv = amounts.igv();
    }

    public int getLine() { return line; }
    public int getOrderLine() { return orderLine; }
    public String getDescription() { return description; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getBase() { return base; }
    public BigDecimal getIgv() { return igv; }
}
