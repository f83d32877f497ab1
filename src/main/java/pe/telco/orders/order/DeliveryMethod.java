package pe.telco.orders.order;

/** How devices reach the customer. */
public enum DeliveryMethod {
    HOME_DELIVERY, STORE_PICKUP
}
