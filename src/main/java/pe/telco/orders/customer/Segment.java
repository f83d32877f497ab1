package pe.telco.orders.customer;

/** The customer's market: homes or companies. */
public enum Segment {
    RESIDENTIAL,
    BUSINESS
}
