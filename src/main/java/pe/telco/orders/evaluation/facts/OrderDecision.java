package pe.telco.orders.evaluation.facts;

/** The decision the DEC rules insert once every check has answered. */
public class OrderDecision {

    private final Decision decision;

    public OrderDecision(Decision decision) {
        this.decision = decision;
    }

    public Decision getDecision() {
        return decision;
    }
}
