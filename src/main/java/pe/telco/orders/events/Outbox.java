package pe.telco.orders.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import pe.telco.orders.audit.record.StoredDecision;
import pe.telco.orders.billing.Invoice;
import pe.telco.orders.evaluation.facts.CheckResult;
import pe.telco.orders.evaluation.facts.Outcome;
import pe.telco.orders.fulfilment.FulfilmentService;
import pe.telco.orders.fulfilment.Shipment;
import pe.telco.orders.fulfilment.ShipmentState;
import pe.telco.orders.fulfilment.WorkOrder;
import pe.telco.orders.fulfilment.WorkOrderState;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderEvent;
import pe.telco.orders.order.OrderHistoryRecorded;
import pe.telco.orders.order.OrderState;

/**
 * Writes the events of every entry of an order's history into outbox_event, in the transaction that wrote the entry:
 * a rolled-back change leaves no event, a committed one always has its events. Each event gets the order's next
 * sequence number (one counter row per order, locked until commit, so numbers follow commit order without gaps).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager db;
    private final ObjectMapper json;
    private final EventBodies bodies;
    private final FulfilmentService fulfilment;
    private final boolean enabled;

    Outbox(EntityManager db, ObjectMapper json, EventBodies bodies, FulfilmentService fulfilment,
            EventsConfig config) {
        this.db = db;
        this.json = json;
        this.bodies = bodies;
        this.fulfilment = fulfilment;
        this.enabled = config.enabled();
    }

    /** One event to write: its type, the resource's name in the body and the resource. */
    private record Pending(EventType type, String resourceName, ObjectNode resource) {
    }

    void record(@Observes OrderHistoryRecorded recorded) {
        if (!enabled) {
            return;
        }
        Order order = recorded.order();
        OrderEvent entry = recorded.entry();
        List<Pending> events = new ArrayList<>();
        if (entry.getFromState() == null) {
            events.add(orderEvent(EventType.PRODUCT_ORDER_CREATE, order, entry, List.of(), null));
        } else if (!entry.getFromState().equals(entry.getToState())) {
            stateChanged(order, entry, recorded.subject(), events);
        } else {
            events.add(orderEvent(EventType.PRODUCT_ORDER_MILESTONE, order, entry, List.of(), null));
            subjectChanged(order, entry.getMilestone(), recorded.subject(), events);
        }
        write(order, entry.getAt(), events);
    }

    private void stateChanged(Order order, OrderEvent entry, Object subject, List<Pending> events) {
        OrderState to = order.getState();
        List<EventBodies.Reason> reasons = reasons(entry, to, subject);
        String cancellation = to == OrderState.CANCELLED ? entry.getCause() : null;
        events.add(orderEvent(EventType.PRODUCT_ORDER_STATE_CHANGE, order, entry, reasons, cancellation));
        if (to == OrderState.PENDING) {
            events.add(orderEvent(EventType.PRODUCT_ORDER_INFORMATION_REQUIRED, order, entry, reasons, null));
        }
        if (to == OrderState.CANCELLED) {
            events.add(new Pending(EventType.CANCEL_PRODUCT_ORDER_STATE_CHANGE, "cancelProductOrder",
                    bodies.cancelProductOrder(order, cancellation, entry.getAt())));
            // a cancellation cancels the order's shipments and work orders in the same transaction
            fulfilment.shipmentsOf(order.getId()).stream().filter(s -> s.getState() == ShipmentState.CANCELLED)
                    .forEach(s -> events.add(new Pending(EventType.SHIPPING_ORDER_STATE_CHANGE, "shippingOrder",
                            bodies.shippingOrder(order, s))));
            fulfilment.workOrdersOf(order.getId()).stream().filter(w -> w.getState() == WorkOrderState.CANCELLED)
                    .forEach(w -> events.add(new Pending(EventType.WORK_ORDER_STATE_CHANGE, "workOrder",
                            bodies.workOrder(order, w))));
        }
    }

    private void subjectChanged(Order order, String milestone, Object subject, List<Pending> events) {
        if (subject instanceof Shipment s) {
            events.add(new Pending(milestone.equals("shipment-prepared") ? EventType.SHIPPING_ORDER_CREATE
                    : EventType.SHIPPING_ORDER_STATE_CHANGE, "shippingOrder", bodies.shippingOrder(order, s)));
        } else if (subject instanceof WorkOrder w) {
            events.add(new Pending(milestone.equals("work-order-scheduled") ? EventType.WORK_ORDER_CREATE
                    : EventType.WORK_ORDER_STATE_CHANGE, "workOrder", bodies.workOrder(order, w)));
        } else if (subject instanceof Invoice i) {
            events.add(new Pending(milestone.equals("invoiced") ? EventType.CUSTOMER_BILL_CREATE
                    : EventType.CUSTOMER_BILL_STATE_CHANGE, "customerBill", bodies.customerBill(order, i)));
        }
    }

    private Pending orderEvent(EventType type, Order order, OrderEvent entry, List<EventBodies.Reason> reasons,
            String cancellation) {
        return new Pending(type, "productOrder",
                bodies.productOrder(order, entry.getMilestone(), entry.getAt(), reasons, cancellation));
    }

    /** Why an evaluated order is held or rejected, as codes: from the decision the evaluation hands over. */
    private static List<EventBodies.Reason> reasons(OrderEvent entry, OrderState to, Object subject) {
        if (to == OrderState.REJECTED && "declined".equals(entry.getMilestone())) {
            return List.of(new EventBodies.Reason("DECLINED_ON_REVIEW", 0));
        }
        if (!(subject instanceof StoredDecision decision) || (to != OrderState.PENDING && to != OrderState.REJECTED)) {
            return List.of();
        }
        List<EventBodies.Reason> reasons = new ArrayList<>();
        for (CheckResult result : decision.results()) {
            if (result.getOutcome() == (to == OrderState.REJECTED ? Outcome.FAIL : Outcome.REVIEW)) {
                reasons.add(new EventBodies.Reason(result.getCode(), result.getLine()));
            }
        }
        return reasons;
    }

    /**
     * The events of one history entry in one statement: the order's counter moves by their number and the rows are
     * inserted with the numbers that follow (one round trip however many events an entry has).
     */
    private void write(Order order, OffsetDateTime at, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        ArrayNode rows = json.createArrayNode();
        for (Pending event : events) {
            UUID id = UUID.randomUUID();
            int n = rows.size();
            rows.addObject().put("n", n).put("event_id", id.toString())
                    .put("topic", event.type().topic().word()).put("event_type", event.type().tmf())
                    .put("body", bodies.envelope(event.type(), id, at, order, event.resourceName(), event.resource()));
        }
        db.createNativeQuery("with counter as (insert into outbox_order (order_id, last_seq) values (?1, ?2)"
                        + " on conflict (order_id) do update set last_seq = outbox_order.last_seq + ?2"
                        + " returning last_seq - ?2 as base)"
                        + " insert into outbox_event (event_id, order_id, seq, channel, topic, event_type, occurred_at,"
                        + " body) select e.event_id, ?1, counter.base + e.n + 1, ?3, e.topic, e.event_type, ?4, e.body"
                        + " from counter, jsonb_to_recordset(cast(?5 as jsonb))"
                        + " as e(n int, event_id uuid, topic text, event_type text, body text) order by e.n")
                .setParameter(1, order.getId()).setParameter(2, events.size())
                .setParameter(3, order.getChannel().name()).setParameter(4, at).setParameter(5, rows.toString())
                .executeUpdate();
    }
}
