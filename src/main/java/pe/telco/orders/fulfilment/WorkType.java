package pe.telco.orders.fulfilment;

/** What the technical team does for a service: install it at the address, or activate the line in the network. */
public enum WorkType {
    INSTALLATION, ACTIVATION
}
