package pe.telco.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.List;

/**
 * The history of orders, oldest first.
 * <p>
 * Read without flushing the persistence context first: these rows are inserted the moment they are persisted (their
 * ids come from the table) and the query answers an instance this transaction already holds as held, changes
 * included, so a flush would only repeat, before every answer, the dirty check the commit makes anyway.
 */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepository<OrderEvent> {

    public List<OrderEvent> history(long orderId) {
        return getEntityManager().createQuery("from OrderEvent where orderId = ?1 order by at, id", OrderEvent.class).setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT).getResultList(); // see the class comment
    }
}
