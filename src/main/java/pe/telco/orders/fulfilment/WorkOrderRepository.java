package pe.telco.orders.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Work orders by order. */
@ApplicationScoped
public class WorkOrderRepository implements PanacheRepository<WorkOrder> {

    public List<WorkOrder> ofOrder(long orderId) {
        return list("orderId = ?1 order by line, id", orderId);
    }
}
