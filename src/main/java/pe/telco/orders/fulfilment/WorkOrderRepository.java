package pe.telco.orders.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.List;

/**
 * Work orders by order.
 * <p>
 * Read without flushing the persistence context first: these rows are inserted the moment they are persisted (their
 * ids come from the table) and the query answers an instance this transaction already holds as held, changes
 * included, so a flush would only repeat, before every answer, the dirty check the commit makes anyway.
 */
@ApplicationScoped
public class WorkOrderRepository implements PanacheRepository<WorkOrder> {

    public List<WorkOrder> ofOrder(long orderId) {
        return getEntityManager().createQuery("from WorkOrder where orderId = ?1 order by line, id", WorkOrder.class).setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT).getResultList(); // see the class comment
    }
}
