package pe.telco.orders.order;

/**
 * Fired synchronously, inside the transaction that wrote an entry of an order's history (a state change or a
 * milestone), so that observers (the event outbox) write in the same transaction: no entry without its event, no
 * event without the entry. {@code subject} is the shipment, work order or invoice the milestone is about, or null.
 */
public record OrderHistoryRecorded(Order order, OrderEvent entry, Object subject) {
}
