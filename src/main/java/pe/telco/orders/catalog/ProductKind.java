package pe.telco.orders.catalog;

/** Whether a product is a thing that is shipped or a service that is installed or activated. */
public enum ProductKind {
    DEVICE,
    SERVICE
}
