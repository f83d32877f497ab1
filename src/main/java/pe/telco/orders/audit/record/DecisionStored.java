package pe.telco.orders.audit.record;

/**
 * Told (as a CDI event) when a decision is stored, in the storing transaction; observers that must not see a decision
 * that rolls back observe it after success. Carries the frozen facts as stored, so nobody reads the record again.
 */
public record DecisionStored(long evaluationId, long orderId, String orderNumber, int rulesetVersion,
        String decision, String facts) {
}
