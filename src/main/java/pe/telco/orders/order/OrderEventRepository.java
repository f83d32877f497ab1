package pe.telco.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The history of orders, oldest first. */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepository<OrderEvent> {

    public List<OrderEvent> history(long orderId) {
        return list("orderId = ?1 order by at, id", orderId);
    }
}
