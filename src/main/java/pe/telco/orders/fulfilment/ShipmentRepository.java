package pe.telco.orders.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Shipments by order.
 * <p>
 * Read without flushing the persistence context first: these rows are inserted the moment they are persisted (their
 * ids come from the table) and the query answers an instance this transaction already holds as held, changes
 * included, so a flush would only repeat, before every answer, the dirty check the commit makes anyway.
 */
@ApplicationScoped
public class ShipmentRepository implements PanacheRepository<Shipment> {

    /**
     * The last planned day of the order's work: its shipments' delivery windows (or ready days) and its work orders'
     * appointments, in one read of plain values. Changes held for those tables are flushed first, nothing else.
     */
    public Optional<LocalDate> lastPlannedDay(long orderId) {
        Object day = getEntityManager().createNativeQuery("select max(day) as day from ("
                + "select coalesce(window_to, ready_on) as day from shipment where order_id = :o"
                + " union all select appointment_on from work_order where order_id = :o) planned")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("shipment").addSynchronizedQuerySpace("work_order")
                .addScalar("day", StandardBasicTypes.LOCAL_DATE).setParameter("o", orderId).getSingleResult();
        return Optional.ofNullable((LocalDate) day);
    }

    public List<Shipment> ofOrder(long orderId) {
        return getEntityManager().createQuery("from Shipment where orderId = ?1 order by line, id", Shipment.class).setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT).getResultList(); // see the class comment
    }
}
