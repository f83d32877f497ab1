package pe.telco.orders.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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
 * a rolled-back change leaves no event, a committed one always has its events. Bodies are made when the entry is
 * recorded (the order as it was then); the rows are written once per transaction, when it is about to commit, in one
 * statement whatever the number of entries and orders. Each event gets its order's next sequence number (one counter
 * row per order, locked until commit, so numbers follow commit order without gaps).
 */
@ApplicationScoped
public class Outbox {

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource db;
    private final ObjectMapper json;
    private final EventBodies bodies;
    private final FulfilmentService fulfilment;
    private final boolean enabled;

    Outbox(TransactionSynchronizationRegistry transactions, DataSource db, ObjectMapper json, EventBodies bodies,
            FulfilmentService fulfilment, EventsConfig config) {
        this.transactions = transactions;
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

    /** Adds an entry's events to its transaction's outbox rows, made now, written before the transaction commits. */
    private void write(Order order, OffsetDateTime at, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        ArrayNode rows = rowsOfThisTransaction();
        for (Pending event : events) {
            UUID id = UUID.randomUUID();
            rows.addObject().put("n", rows.size()).put("order_id", order.getId()).put("event_id", id.toString())
                    .put("channel", order.getChannel().name()).put("topic", event.type().topic().word())
                    .put("event_type", event.type().tmf()).put("occurred_at", at.toString())
                    .put("body", bodies.envelope(event.type(), id, at, order, event.resourceName(), event.resource()));
        }
    }

    /**
     * The rows this transaction's history entries gave, written by a synchronisation registered with the first of
     * them. It is interposed, so it runs after the persistence context's own flush (the orders, shipments and work
     * orders the events name are in the database by then) and on the transaction's own connection.
     */
    private ArrayNode rowsOfThisTransaction() {
        ArrayNode rows = (ArrayNode) transactions.getResource(Outbox.class);
        if (rows == null) {
            ArrayNode created = json.createArrayNode();
            transactions.putResource(Outbox.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    insert(created);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to undo: the rows went with the transaction's commit or rollback
                }
            });
            rows = created;
        }
        return rows;
    }

    /**
     * All of a transaction's events in one statement: each order's counter moves by its number of events (orders
     * in id order, so two transactions never wait for each other's counters in opposite orders), and the rows are
     * inserted with the numbers that follow, in the order they were recorded.
     */
    private void insert(ArrayNode rows) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("with e as (select * from"
                + " jsonb_to_recordset(cast(? as jsonb)) as e(n int, order_id bigint, event_id uuid, channel text,"
                + " topic text, event_type text, occurred_at timestamptz, body text)),"
                + " k as (select order_id, count(*)::int as events from e group by order_id),"
                + " counter as (insert into outbox_order (order_id, last_seq) select order_id, events from k"
                + " order by order_id on conflict (order_id) do update set last_seq = outbox_order.last_seq"
                + " + excluded.last_seq returning order_id, last_seq)"
                + " insert into outbox_event (event_id, order_id, seq, channel, topic, event_type, occurred_at, body)"
                + " select e.event_id, e.order_id, counter.last_seq - k.events"
                + " + row_number() over (partition by e.order_id order by e.n), e.channel, e.topic, e.event_type,"
                + " e.occurred_at, e.body from e join k using (order_id) join counter using (order_id) order by e.n")) {
            s.setString(1, rows.toString());
            s.executeUpdate();
        } catch (SQLException e) {
            // thrown before completion, this rolls the whole transaction back: no change without its events
            throw new IllegalStateException("Could not write the transaction's events to the outbox", e);
        }
    }
}
