package pe.telco.orders.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Shipments by order. */
@ApplicationScoped
public class ShipmentRepository implements PanacheRepository<Shipment> {

    public List<Shipment> ofOrder(long orderId) {
        return list("orderId = ?1 order by line, id", orderId);
    }
}
