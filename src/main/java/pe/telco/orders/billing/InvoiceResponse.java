package pe.telco.orders.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.order.PaymentMethod;

/** An invoice: lines and totals with the IGV inside them, what was paid, the balance and the payments. */
public record InvoiceResponse(long id, String invoiceNumber, long orderId, InvoiceState state, String currency,
        PaymentMethod paymentMethod, BigDecimal igvRate, BigDecimal total, BigDecimal base, BigDecimal igv,
        BigDecimal paid, BigDecimal balance, OffsetDateTime issuedAt, LocalDate dueOn, List<Line> lines,
        List<PaymentLine> payments) {

    /** One charge; base + igv = total. */
    public record Line(int line, int orderLine, String description, BigDecimal total, BigDecimal base,
            BigDecimal igv) {
    }

    /** One payment received. */
    public record PaymentLine(long id, BigDecimal amount, String currency, PaymentMethod method,
            OffsetDateTime paidAt) {
    }

    public static InvoiceResponse from(Invoice i, List<Payment> payments, LocalDate today) {
        return new InvoiceResponse(i.getId(), i.getInvoiceNumber(), i.getOrderId(), i.stateOn(today),
                i.getCurrency(), i.getPaymentMethod(), i.getIgvRate(), i.getTotal(), i.getBase(), i.getIgv(),
                i.getPaid(), i.balance(), OperatorTime.local(i.getIssuedAt()), i.getDueOn(),
                i.getLines().stream().map(l -> new Line(l.getLine(), l.getOrderLine(), l.getDescription(),
                        l.getTotal(), l.getBase(), l.getIgv())).toList(),
                payments.stream().map(p -> new PaymentLine(p.getId(), p.getAmount(), p.getCurrency(), p.getMethod(),
                        OperatorTime.local(p.getPaidAt()))).toList());
    }
}
