package pe.telco.orders.evaluation.facts;

/** What one check concluded, from best to worst. */
public enum Outcome {
    PASS, REVIEW, FAIL
}
