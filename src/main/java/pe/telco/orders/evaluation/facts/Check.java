package pe.telco.orders.evaluation.facts;

/** The concerns an order is checked for; each result names one. */
public enum Check {
    INVENTORY, COVERAGE, CREDIT, TERMS, COMPATIBILITY, FINANCIAL_APPROVAL
}
