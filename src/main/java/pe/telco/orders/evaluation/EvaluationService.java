package pe.telco.orders.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Decision;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderDraft;
import pe.telco.orders.order.OrderDraftValidator;
import pe.telco.orders.order.OrderRepository;
import pe.telco.orders.order.OrderReleased;
import pe.telco.orders.order.OrderRequest;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.CompiledRuleset;

/**
 * Decides orders: gathers the facts, runs the active rules, and in one transaction stores the evaluation with its
 * firings and moves the order to inProgress, pending or rejected. If the rules fail, nothing is stored.
 */
@ApplicationScoped
public class EvaluationService {

    private final OrderRepository orders;
    private final OrderService orderService;
    private final OrderDraftValidator validator;
    private final FactsGatherer gatherer;
    private final ActiveRuleset rules;
    private final EvaluationRepository evaluations;
    private final ObjectMapper json;
    private final OperatorTime time;
    private final Map<Decision, Timer> rulesTime = new EnumMap<>(Decision.class);
    private final Map<Decision, Counter> decisions = new EnumMap<>(Decision.class);
    private final String appVersion;
    private final Event<OrderReleased> released;
    private final OrderEvaluator evaluator = new OrderEvaluator();

    public EvaluationService(OrderRepository orders, OrderService orderService, OrderDraftValidator validator,
            FactsGatherer gatherer, ActiveRuleset rules, EvaluationRepository evaluations, ObjectMapper json,
            OperatorTime time, MeterRegistry meters, Event<OrderReleased> released,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String appVersion) {
        this.released = released;
        this.orders = orders;
        this.orderService = orderService;
        this.validator = validator;
        this.gatherer = gatherer;
        this.rules = rules;
        this.evaluations = evaluations;
        this.json = json;
        this.time = time;
        this.appVersion = appVersion;
        // registered once: a lookup by name and tags on every evaluation showed in the benchmark profile
        for (Decision decision : Decision.values()) {
            rulesTime.put(decision, Timer.builder("orders.evaluation.rules")
                    .description("Time the rules take to decide an order").tag("decision", decision.name())
                    .register(meters));
            decisions.put(decision, meters.counter("orders.evaluation.decisions", "decision", decision.name()));
        }
    }

    /**
     * Evaluates an acknowledged order and records everything about the decision. A caller bound to a channel may
     * evaluate only that channel's orders (others are answered as not found).
     */
    @Transactional
    public Evaluated evaluate(long orderId, String caller, String callerChannel) {
        Order order = orders.findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE)
                .filter(o -> callerChannel == null || callerChannel.equals(o.getChannel().name()))
                .orElseThrow(() -> new NotFound("Order", orderId));
        if (order.getState() != OrderState.ACKNOWLEDGED) {
            throw new StateConflict("Only an acknowledged order can be evaluated; order " + order.getOrderNumber()
                    + " is " + order.getState().tmf(), order.getState().tmf(), order.location(),
                    List.of("GET " + order.location() + "/evaluation"));
        }
        String actor = caller != null ? caller : "channel:" + order.getChannel();
        OffsetDateTime at = time.now();
        EvaluationFacts facts = gatherer.forOrder(order, at);
        EvaluationResult result = run(facts);
        Evaluation evaluation = new Evaluation(order.getId(), order.getOrderNumber(), order.getChannel().name(),
                order.getCustomer().documentType() + ":" + order.getCustomer().documentNumber(), result,
                FactsSnapshot.write(json, facts), write(result.results()), at, actor, appVersion,
                DroolsVersion.VALUE);
        evaluations.persist(evaluation);
        evaluations.flush();
        List<RuleFiring> firings = result.firings().stream().map(f -> new RuleFiring(evaluation.getId(), f)).toList();
        evaluations.storeFirings(firings);
        orderService.transition(order, stateFor(result.decision()), "evaluated", actor, "Decision "
                + result.decision() + " under ruleset version " + result.rulesetVersion() + " (evaluation "
                + evaluation.getId() + ", see /api/audit/evaluations/" + evaluation.getId() + ")");
        // fulfilment (issue 5): reserve stock and create the work; if stock is gone, the whole evaluation rolls back
        if (result.decision() == Decision.RELEASED) {
            released.fire(new OrderReleased(order, OrderState.ACKNOWLEDGED, actor));
        }
        return new Evaluated(evaluation, result.results(), firings); // as stored, in sequence: no read back
    }

    /** Decides an order body as it would be decided now; nothing is stored and no stock is reserved. */
    @Transactional
    public EvaluationResult tryOut(OrderRequest request) {
        OrderDraft draft = validator.validate(request);
        return run(gatherer.forDraft(draft, time.now()));
    }

    @Transactional
    public Evaluated latest(long orderId) {
        Order order = orders.findByIdOptional(orderId).orElseThrow(() -> new NotFound("Order", orderId));
        Evaluation evaluation = evaluations.latestFor(orderId).orElseThrow(() -> new NotFound(
                "Evaluation of order", order.getOrderNumber() + " (it is " + order.getState().tmf() + ")"));
        return new Evaluated(evaluation, read(evaluation.getResults()), evaluations.firingsOf(evaluation.getId()));
    }

    /** The latest decision of an order, if it was decided; its results only (no firings), in the caller's transaction. */
    @Transactional
    public java.util.Optional<Evaluated> latestResults(long orderId) {
        return evaluations.latestFor(orderId).map(e -> new Evaluated(e, read(e.getResults()), List.of()));
    }

    /** A stored evaluation with its results and firings, ready to answer. */
    public record Evaluated(Evaluation evaluation, List<CheckResult> results, List<RuleFiring> firings) {
    }

    private EvaluationResult run(EvaluationFacts facts) {
        CompiledRuleset ruleset = rules.current();
        EvaluationResult result = evaluator.evaluate(ruleset, facts);
        rulesTime.get(result.decision()).record(result.durationMicros(), TimeUnit.MICROSECONDS);
        decisions.get(result.decision()).increment();
        return result;
    }

    static OrderState stateFor(Decision decision) {
        return switch (decision) {
            case RELEASED -> OrderState.IN_PROGRESS;
            case HELD -> OrderState.PENDING;
            case REJECTED -> OrderState.REJECTED;
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write evaluation JSON", e);
        }
    }

    private List<CheckResult> read(String results) {
        try {
            return List.of(json.readValue(results, StoredResult[].class)).stream().map(StoredResult::toResult).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evaluation results are unreadable", e);
        }
    }

    /** A check result as stored in the evaluation's JSON. */
    record StoredResult(String check, int line, String productCode, String outcome, String code, String message,
            String channelMessage, String ruleId) {

        CheckResult toResult() {
            CheckResult result = new CheckResult(pe.telco.orders.evaluation.facts.Check.valueOf(check), line,
                    productCode, pe.telco.orders.evaluation.facts.Outcome.valueOf(outcome), java.util.Map.of());
            result.setCode(code);
            result.setMessage(message);
            if (channelMessage != null) {
                result.setChannelMessage(channelMessage);
            }
            result.setRuleId(ruleId);
            return result;
        }
    }
}
