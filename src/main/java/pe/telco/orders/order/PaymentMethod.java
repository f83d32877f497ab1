package pe.telco.orders.order;

/** How the customer pays the invoices of the order. */
public enum PaymentMethod {
    AUTOMATIC_DEBIT, ONLINE, IN_STORE
}
