package pe.telco.orders.order;

/**
 * Fired synchronously, inside the transaction that moved the order to inProgress (an evaluation that released it,
 * or a person who approved it). Observers create the work and reserve stock; if one throws, the release rolls back.
 */
public record OrderReleased(Order order, OrderState from, String actor) {
}
