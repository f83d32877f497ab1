package pe.telco.orders.audit.record;

import java.time.OffsetDateTime;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;

/** Everything a decision is recorded with: the order it decided, what the rules saw and said, who asked and when. */
public record DecisionEntry(long orderId, String orderNumber, String channel, String customerDocument,
        EvaluationFacts facts, EvaluationResult result, OffsetDateTime evaluatedAt, String actor, String appVersion,
        String droolsVersion) {
}
