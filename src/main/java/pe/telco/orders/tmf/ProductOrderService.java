package pe.telco.orders.tmf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.billing.BillingConfig;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.IdempotencyKeys;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.evaluation.EvaluationService;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.fulfilment.FulfilmentService;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderDraftValidator;
import pe.telco.orders.order.OrderParticulars;
import pe.telco.orders.order.OrderRequest;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;

/**
 * TMF622 product orders over the one intake and the one evaluation: a new order is received and decided in one
 * transaction; reads show a channel only its own orders, in the words written for channels.
 */
@ApplicationScoped
public class ProductOrderService {

    private final OrderService orders;
    private final OrderDraftValidator validator;
    private final EvaluationService evaluations;
    private final FulfilmentService fulfilment;
    private final BillingConfig billing;
    private final ObjectMapper json;

    public ProductOrderService(OrderService orders, OrderDraftValidator validator,
            EvaluationService evaluations, FulfilmentService fulfilment, BillingConfig billing, ObjectMapper json) {
        this.json = json;
        this.orders = orders;
        this.validator = validator;
        this.evaluations = evaluations;
        this.fulfilment = fulfilment;
        this.billing = billing;
    }

    /** A placed order as answered now, or the answer already given to the same Idempotency-Key and body. */
    public record Placed(ProductOrder order, IdempotencyKeys.Answer replay) {
    }

    /**
     * Receives and decides an order in one transaction: the order, its evaluation with firings, its move to
     * inProgress, pending or rejected, the fulfilment a release creates and the remembered Idempotency-Key commit
     * together, or nothing does (invalid fields, a duplicate externalId, rules that fail).
     */
    public Placed place(ProductOrderInput input, String actor, String callerChannel, String idempotencyKey) {
        OrderRequest request = ProductOrderRequests.toOrderRequest(input, callerChannel);
        OrderParticulars particulars = ProductOrderRequests.particulars(input);
        String initial = input.requestedInitialState() == null ? "acknowledged" : input.requestedInitialState();
        if (!initial.equals("acknowledged") && !initial.equals("draft")) {
            throw new InvalidInput("requestedInitialState", "must be acknowledged or draft");
        }
        boolean draft = initial.equals("draft");
        try {
            OrderRequest own = ownChannel(request, particulars, callerChannel);
            // draft or not is part of what the Idempotency-Key is bound to (the intake hashes it with the request)
            OrderService.Received received = orders.receive(own, actor, idempotencyKey,
                    new OrderService.Intake("tmf-orders:" + actor, order -> draft ? view(order, List.of(), null)
                            : decide(order, actor, callerChannel), order -> ProductOrderView.href(order.getId()),
                            draft, particulars));
            return received.replay() != null ? new Placed(null, received.replay())
                    : new Placed((ProductOrder) received.answer(), null);
        } catch (InvalidInput e) {
            throw ProductOrderRequests.inTmfTerms(e, input);
        }
    }

    /**
     * Revises a draft or held order with a JSON merge patch (RFC 7396) of its TMF622 form, validated as on receipt.
     * A held order is decided again; a draft stays a draft unless the patch sets {@code state} to acknowledged, which
     * submits it for its decision. Revision and decision are one transaction.
     */
    public ProductOrder revise(long id, JsonNode patch, String actor, String callerChannel) {
        Current current = current(id, callerChannel);
        ProductOrderInput input = ProductOrderPatch.apply(current.form(), patch, json);
        boolean submit = ProductOrderPatch.submits(patch);
        OrderParticulars particulars = ProductOrderRequests.particulars(input);
        OrderRequest request = ProductOrderPatch.keepContact(ownChannel(ProductOrderRequests.toOrderRequest(input,
                callerChannel), particulars, callerChannel), patch, current.order());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Order order = orders.revise(id, request, particulars, actor);
                if (order.getState() == OrderState.PENDING || submit && order.getState() == OrderState.DRAFT) {
                    orders.transition(order, OrderState.ACKNOWLEDGED, submit ? "submitted" : "resubmitted", actor,
                            "Changed by the channel: decided again");
                    return decide(order, actor, callerChannel);
                }
                return view(order, List.of(), null);
            });
        } catch (InvalidInput e) {
            throw ProductOrderRequests.inTmfTerms(e, input);
        }
    }

    /** An order as it stands and its TMF622 form, read in one transaction. */
    private record Current(Order order, JsonNode form) {
    }

    private Current current(long id, String callerChannel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = orders.get(id);
            if (callerChannel != null && !callerChannel.equals(order.getChannel().name())) {
                throw new NotFound("ProductOrder", id);
            }
            return new Current(order, json.valueToTree(view(order, List.of(), null)));
        });
    }

    /** One order; another channel's order is answered as not found. */
    @Transactional
    public ProductOrder get(long id, String callerChannel) {
        Order order = orders.get(id);
        if (callerChannel != null && !callerChannel.equals(order.getChannel().name())) {
            throw new NotFound("ProductOrder", id);
        }
        return view(order, null, null);
    }

    /** One page of orders, newest first, with the total that match. */
    public record Listed(List<ProductOrder> orders, long total) {
    }

    /** Orders matching every filter given; a channel's list holds only its own orders. */
    @Transactional
    public Listed list(ProductOrderFilter filter, String callerChannel, int offset, int limit) {
        OrderService.Window window = orders.window(filter.criteria(callerChannel), offset, limit);
        List<Order> page = window.orders();
        long total = window.total();
        return new Listed(page.stream().map(o -> view(o, null, null)).toList(), total);
    }

    private ProductOrder decide(Order order, String actor, String callerChannel) {
        StoredDecision decided = evaluations.evaluate(order.getId(), actor, callerChannel);
        return view(order, decided.results(), decided.evaluation().getEvaluatedAt());
    }

    private ProductOrder view(Order order, List<CheckResult> results, OffsetDateTime decidedAt) {
        if (results == null) {
            var latest = evaluations.latestResults(order.getId());
            results = latest.map(StoredDecision::results).orElse(List.of());
            decidedAt = latest.map(l -> l.evaluation().getEvaluatedAt()).orElse(null);
        }
        return ProductOrderView.of(new ProductOrderView.Parts(order, results, decidedAt,
                orders.history(order), expectedCompletion(order.getId()), billing.igvRate()));
    }

    /** The start of the last planned delivery day or appointment of the order's shipments and work orders. */
    private OffsetDateTime expectedCompletion(long orderId) {
        return fulfilment.lastPlannedDay(orderId).map(day -> day.atStartOfDay(OperatorTime.ZONE).toOffsetDateTime())
                .orElse(null);
    }

    /** Channel credentials order for their own channel; a different channel is listed with every other bad field. */
    private OrderRequest ownChannel(OrderRequest request, OrderParticulars particulars, String callerChannel) {
        if (callerChannel == null) {
            return request;
        }
        OrderRequest asOwn = new OrderRequest(request.externalId(), callerChannel, request.customer(),
                request.serviceAddress(), request.items(), request.acceptedTermsVersion(), request.delivery(),
                request.paymentMethod());
        if (request.channel() != null && !request.channel().strip().equalsIgnoreCase(callerChannel)) {
            throw validator.withOtherErrors(asOwn, particulars, new FieldError("channel", "these credentials belong to channel "
                    + callerChannel));
        }
        return asOwn;
    }
}
