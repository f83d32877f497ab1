package pe.telco.orders.coverage;

/** An access technology that may be available at a postal code. */
public enum Technology {
    FTTH,
    HFC,
    DSL,
    LTE,
    NR5G
}
