package pe.telco.orders.evaluation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pe.telco.orders.audit.record.DecisionEntry;
import pe.telco.orders.audit.record.DecisionRecord;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.engine.DroolsVersion;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.fulfilment.FulfilmentService;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;

/**
 * Decides orders, in one transaction: lock the order, gather its facts, run the active rules, store the decision
 * with its firings, move the order (inProgress, pending or rejected) and, when released, release it to fulfilment.
 * If the rules fail or the stock is gone at release, everything rolls back and nothing is stored. Traced as one
 * span ("evaluate order") around the transaction, with the facts, the rules and the SQL beneath it.
 */
@ApplicationScoped
public class EvaluationService {

    private final OrderService orders;
    private final FactsGatherer gatherer;
    private final Decider decider;
    private final DecisionRecord record;
    private final FulfilmentService fulfilment;
    private final OperatorTime time;
    private final String appVersion;

    public EvaluationService(OrderService orders, FactsGatherer gatherer, Decider decider, DecisionRecord record,
            FulfilmentService fulfilment, OperatorTime time,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String appVersion) {
        this.orders = orders;
        this.gatherer = gatherer;
        this.decider = decider;
        this.record = record;
        this.fulfilment = fulfilment;
        this.time = time;
        this.appVersion = appVersion;
    }

    /**
     * Evaluates an acknowledged order and records everything about the decision. A caller bound to a channel may
     * evaluate only that channel's orders (others are answered as not found).
     */
    @WithSpan("evaluate order")
    @Transactional
    public StoredDecision evaluate(long orderId, String caller, String callerChannel) {
        Order order = lockAcknowledged(orderId, callerChannel);
        Span.current().setAttribute("orders.order_number", order.getOrderNumber());
        String actor = caller != null ? caller : "channel:" + order.getChannel();
        OffsetDateTime at = time.now();
        EvaluationFacts facts = gatherer.forOrder(order, at);
        EvaluationResult result = decider.decide(facts);
        StoredDecision stored = record.store(entry(order, facts, result, at, actor));
        long evaluationId = stored.evaluation().getId();
        Span.current().setAttribute("orders.evaluation_id", evaluationId);
        orders.transition(order, stateFor(result.decision()), "evaluated", actor, "Decision " + result.decision()
                + " under ruleset version " + result.rulesetVersion() + " (evaluation " + evaluationId
                + ", see /api/audit/evaluations/" + evaluationId + ")", stored);
        if (result.decision() == Decision.RELEASED) {
            fulfilment.release(order, OrderState.ACKNOWLEDGED, actor);
        }
        return stored;
    }

    @Transactional
    public StoredDecision latest(long orderId) {
        Order order = orders.get(orderId);
        return record.latestFor(orderId).orElseThrow(() -> new NotFound(
                "Evaluation of order", order.getOrderNumber() + " (it is " + order.getState().tmf() + ")"));
    }

    /** An order's newest decision with its results only (no firings), in the caller's transaction, if decided. */
    public Optional<StoredDecision> latestResults(long orderId) {
        return record.latestResultsOf(orderId);
    }

    private Order lockAcknowledged(long orderId, String callerChannel) {
        Order order = orders.lockForUpdate(orderId);
        if (callerChannel != null && !callerChannel.equals(order.getChannel().name())) {
            throw new NotFound("Order", orderId);
        }
        if (order.getState() != OrderState.ACKNOWLEDGED) {
            throw new StateConflict("Only an acknowledged order can be evaluated; order " + order.getOrderNumber()
                    + " is " + order.getState().tmf(), order.getState().tmf(), order.ref(),
                    List.of("GET evaluation"));
        }
        return order;
    }

    private DecisionEntry entry(Order order, EvaluationFacts facts, EvaluationResult result, OffsetDateTime at,
            String actor) {
        return new DecisionEntry(order.getId(), order.getOrderNumber(), order.getChannel().name(),
                order.getCustomer().documentType() + ":" + order.getCustomer().documentNumber(), facts, result, at,
                actor, appVersion, DroolsVersion.VALUE);
    }

    static OrderState stateFor(Decision decision) {
        return switch (decision) {
            case RELEASED -> OrderState.IN_PROGRESS;
            case HELD -> OrderState.PENDING;
            case REJECTED -> OrderState.REJECTED;
        };
    }
}
