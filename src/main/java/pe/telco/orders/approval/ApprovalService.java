package pe.telco.orders.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.evaluation.EvaluationService;
import pe.telco.orders.evaluation.facts.Outcome;
import pe.telco.orders.fulfilment.FulfilmentService;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;

/**
 * The review queue: orders the rules held wait for a person, oldest first; an approval releases the order through
 * the same release path as an evaluation (stock reserved again then), a decline rejects it.
 */
@ApplicationScoped
public class ApprovalService {

    private final OrderService orders;
    private final EvaluationService evaluations;
    private final ApprovalRepository approvals;
    private final FulfilmentService fulfilment;
    private final OperatorTime time;

    ApprovalService(OrderService orders, EvaluationService evaluations,
            ApprovalRepository approvals, FulfilmentService fulfilment, OperatorTime time) {
        this.orders = orders;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.fulfilment = fulfilment;
        this.time = time;
    }

    @Transactional
    public Page<PendingOrderResponse> pending(int page, int size) {
        return orders.pendingOldestFirst(page, size).map(this::withReasons);
    }

    private PendingOrderResponse withReasons(Order order) {
        StoredDecision latest = evaluations.latest(order.getId());
        List<PendingOrderResponse.Reason> reasons = latest.results().stream()
                .filter(r -> r.getOutcome() != Outcome.PASS)
                .map(r -> new PendingOrderResponse.Reason(r.getCheck().name(), r.getOutcome().name(), r.getCode(),
                        r.getMessage(), r.getProductCode(), r.getRuleId()))
                .toList();
        return new PendingOrderResponse(order.getId(), order.getOrderNumber(), order.getChannel().name(),
                order.getCustomer().name(), order.getCustomer().documentType() + ":"
                        + order.getCustomer().documentNumber(), OperatorTime.local(order.getCreatedAt()),
                OperatorTime.local(latest.evaluation().getEvaluatedAt()), latest.evaluation().getRulesetVersion(),
                reasons);
    }

    /**
     * Records the decision and moves the order: approved → inProgress (released: stock reserved, work created, in
     * this transaction; if the stock is gone it all rolls back with 409 and the order stays pending), declined →
     * rejected.
     */
    @Transactional
    public ApprovalResponse decide(long orderId, boolean approved, String comment, String reviewer) {
        Order order = orders.lockForUpdate(orderId);
        if (order.getState() != OrderState.PENDING) {
            throw new StateConflict("Only a pending order can be approved or declined; order "
                    + order.getOrderNumber() + " is " + order.getState().tmf(), order.getState().tmf(),
                    order.ref(), List.of());
        }
        Approval approval = new Approval(orderId, approved, comment, reviewer, time.now());
        approvals.persist(approval);
        String cause = (approved ? "Approved by " : "Declined by ") + reviewer
                + (comment == null ? "" : ": " + comment);
        if (approved) {
            orders.transition(order, OrderState.IN_PROGRESS, "approved", reviewer, cause);
            fulfilment.release(order, OrderState.PENDING, reviewer);
        } else {
            orders.transition(order, OrderState.REJECTED, "declined", reviewer, cause);
        }
        return ApprovalResponse.from(approval, order.getOrderNumber(), order.getState());
    }
}
