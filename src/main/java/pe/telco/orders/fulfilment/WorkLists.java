package pe.telco.orders.fulfilment;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.Page;

/**
 * The work lists of the warehouse (shipment orders of a location, by state) and of field service (work orders by
 * appointment date, postal code and state), oldest first.
 */
@ApplicationScoped
public class WorkLists {

    private final ShipmentRepository shipments;
    private final WorkOrderRepository workOrders;

    WorkLists(ShipmentRepository shipments, WorkOrderRepository workOrders) {
        this.shipments = shipments;
        this.workOrders = workOrders;
    }

    @Transactional
    public Page<Shipment> shipments(String location, ShipmentState state, int page, int size) {
        return shipments(location, state == null ? Set.of() : Set.of(state), page, size);
    }

    /** The same list in any of several states (the console's "open" ones); no state given: every state. */
    @Transactional
    public Page<Shipment> shipments(String location, Set<ShipmentState> states, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (location != null) {
            where.add("locationCode = :location");
            params.and("location", location);
        }
        if (!states.isEmpty()) {
            where.add("state in :states");
            params.and("states", states);
        }
        var query = shipments.find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("readyOn", "id"), params);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Page<WorkOrder> workOrders(LocalDate date, String postalCode, WorkOrderState state, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (date != null) {
            where.add("appointmentOn = :date");
            params.and("date", date);
        }
        if (postalCode != null) {
            where.add("postalCode = :postalCode");
            params.and("postalCode", postalCode);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        var query = workOrders.find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("appointmentOn", "id"), params);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** A warehouse acts only on its own location's shipments: another location's is answered as not found. */
    @Transactional
    public void checkShipmentAt(long shipmentId, String location) {
        shipments.findByIdOptional(shipmentId).filter(s -> s.getLocationCode().equals(location))
                .orElseThrow(() -> new NotFound("Shipment", shipmentId));
    }
}
