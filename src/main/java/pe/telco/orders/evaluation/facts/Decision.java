package pe.telco.orders.evaluation.facts;

/** What happens to the order once every check has answered. */
public enum Decision {
    RELEASED, HELD, REJECTED
}
