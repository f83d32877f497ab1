package pe.telco.orders.location;

/** Where stock is kept: a warehouse ships to homes, a store also serves customers who pick up. */
public enum LocationKind {
    WAREHOUSE,
    STORE
}
