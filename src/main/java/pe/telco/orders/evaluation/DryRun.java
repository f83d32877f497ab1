package pe.telco.orders.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.engine.EvaluationResult;
import pe.telco.orders.order.OrderDraftValidator;
import pe.telco.orders.order.OrderRequest;

/** Decides an order body as it would be decided now: same validation, facts and rules; nothing stored or reserved. */
@ApplicationScoped
public class DryRun {

    private final OrderDraftValidator validator;
    private final FactsGatherer gatherer;
    private final Decider decider;
    private final OperatorTime time;

    public DryRun(OrderDraftValidator validator, FactsGatherer gatherer, Decider decider, OperatorTime time) {
        this.validator = validator;
        this.gatherer = gatherer;
        this.decider = decider;
        this.time = time;
    }

    /**
     * No transaction: stock and credit are read fresh, as for a real order, in one statement ({@link DraftReads});
     * nothing is written, so there is nothing to begin or commit.
     */
    public EvaluationResult tryOut(OrderRequest request) {
        return decider.decide(gatherer.forDraft(validator.validate(request), time.now()));
    }
}
