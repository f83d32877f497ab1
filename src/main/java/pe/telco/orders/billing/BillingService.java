package pe.telco.orders.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Unprocessable;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderItem;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;
import pe.telco.orders.order.PaymentMethod;

/**
 * Issues the invoice of what was delivered, at the prices copied onto the order (IGV inside), and records payments:
 * partial payments are allowed, overpayment is refused.
 */
@ApplicationScoped
public class BillingService {

    private final InvoiceRepository invoices;
    private final OrderService orders;
    private final BillingConfig config;
    private final OperatorTime time;

    BillingService(InvoiceRepository invoices, OrderService orders, BillingConfig config, OperatorTime time) {
        this.invoices = invoices;
        this.orders = orders;
        this.config = config;
        this.time = time;
    }

    /**
     * In the caller's transaction: a line per completed item (device price or first instalment, first monthly fee,
     * installation fee by item id where one applies).
     */
    public Invoice issue(Order order, Map<Long, BigDecimal> installationFees, String actor) {
        OffsetDateTime now = time.now();
        Invoice invoice = new Invoice(invoices.nextInvoiceNumber(now.getYear()), order.getId(), order.getCurrency(),
                order.getPaymentMethod(), config.igvRate(), now, now.toLocalDate().plusDays(config.paymentTermDays()));
        for (OrderItem item : order.getItems()) {
            if (item.getState() == OrderState.COMPLETED) {
                charge(invoice, item, installationFees.getOrDefault(item.getId(), BigDecimal.ZERO));
            }
        }
        invoices.persist(invoice);
        orders.note(order, "invoiced", actor, "Invoice " + invoice.getInvoiceNumber() + " of " + invoice.getTotal()
                + " " + invoice.getCurrency() + " (IGV " + invoice.getIgv() + " included), due "
                + invoice.getDueOn(), invoice);
        return invoice;
    }

    private static void charge(Invoice invoice, OrderItem item, BigDecimal installationFee) {
        String name = item.getProductName() + (item.getQuantity() > 1 ? " × " + item.getQuantity() : "");
        BigDecimal price = item.lineTotal();
        if (item.getInstallments() > 0 && price.signum() > 0) {
            invoice.addLine(item.getLine(), name + " — cuota 1 de " + item.getInstallments(),
                    price.divide(BigDecimal.valueOf(item.getInstallments()), 2, RoundingMode.HALF_EVEN));
        } else if (price.signum() > 0) {
            invoice.addLine(item.getLine(), name, price);
        }
        if (item.getMonthlyFee() != null && item.getMonthlyFee().signum() > 0) {
            invoice.addLine(item.getLine(), name + " — primera mensualidad",
                    item.getMonthlyFee().multiply(BigDecimal.valueOf(item.getQuantity())));
        }
        if (installationFee.signum() > 0) {
            invoice.addLine(item.getLine(), "Instalación de " + item.getProductName(), installationFee);
        }
    }

    @Transactional
    public Invoice get(long id) {
        return invoices.withLines(id).orElseThrow(() -> new NotFound("Invoice", id));
    }

    @Transactional
    public Invoice ofOrder(long orderId) {
        Order order = orders.get(orderId);
        return invoices.ofOrder(orderId).orElseThrow(() -> new NotFound("Invoice of order",
                order.getOrderNumber() + " (it is " + order.getState().tmf() + ")"));
    }

    @Transactional
    public List<Payment> paymentsOf(long invoiceId) {
        return invoices.paymentsOf(invoiceId);
    }

    /**
     * Records a payment. A paid invoice refuses it (409); an amount above the balance is refused as unprocessable
     * (422, type overpayment) and nothing is recorded.
     */
    @Transactional
    public Invoice pay(long invoiceId, BigDecimal amount, String currency, PaymentMethod method, String actor) {
        Invoice invoice = invoices.findByIdOptional(invoiceId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("Invoice", invoiceId));
        invoice.getLines().size();
        Order order = orders.get(invoice.getOrderId());
        if (currency != null && !currency.equals(invoice.getCurrency())) {
            throw new InvalidInput("currency", "must be " + invoice.getCurrency() + ", the invoice's currency");
        }
        OffsetDateTime now = time.now();
        if (invoice.markOverdueOn(now.toLocalDate())) {
            orders.note(order, "invoice-overdue", "system", "Invoice " + invoice.getInvoiceNumber()
                    + " unpaid after its due date " + invoice.getDueOn(), invoice);
        }
        if (invoice.getState() != InvoiceState.PAID && amount.compareTo(invoice.balance()) > 0) {
            throw new Unprocessable("overpayment", "Payment of " + amount + " " + invoice.getCurrency()
                    + " is more than the balance of " + invoice.balance() + " of invoice "
                    + invoice.getInvoiceNumber() + "; nothing was recorded");
        }
        InvoiceState from = invoice.getState();
        invoice.pay(amount);
        invoices.persistPayment(new Payment(invoiceId, amount, invoice.getCurrency(), method, now, actor));
        orders.note(order, invoice.getState() == InvoiceState.PAID ? "paid" : "payment", actor, "Payment of "
                + amount + " " + invoice.getCurrency() + " by " + method + " on invoice " + invoice.getInvoiceNumber()
                + ": " + from + " → " + invoice.getState() + ", balance " + invoice.balance(), invoice);
        return invoice;
    }
}
