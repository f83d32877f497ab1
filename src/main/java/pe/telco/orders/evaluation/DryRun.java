package pe.telco.orders.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
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
    private final Session session;

    public DryRun(OrderDraftValidator validator, FactsGatherer gatherer, Decider decider, OperatorTime time,
            Session session) {
        this.validator = validator;
        this.gatherer = gatherer;
        this.decider = decider;
        this.time = time;
        this.session = session;
    }

    /**
     * Read-only transaction: stock and credit are read fresh, as for a real order. What it loads is read-only and
     * never flushed (the session is this transaction's own), so its commit has nothing to check.
     */
    @Transactional
    public EvaluationResult tryOut(OrderRequest request) {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        return decider.decide(gatherer.forDraft(validator.validate(request), time.now()));
    }
}
