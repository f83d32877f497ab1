package pe.telco.orders.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import pe.telco.orders.billing.BillingService;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.customer.CustomerService;
import pe.telco.orders.customer.ServiceAddress;
import pe.telco.orders.followup.FollowUpService;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;
import pe.telco.orders.stock.StockService;

/**
 * Moves shipments and work orders as the warehouse and the field teams report, settles each item when its work is
 * done or failed for good, and closes the order (completed, partial or failed) with its invoice and follow-up.
 */
@ApplicationScoped
public class ProgressService {

    static final List<String> SHIPMENT_EVENTS = List.of("dispatch", "delivery", "failed-delivery", "redelivery",
            "return");
    static final List<String> WORK_ORDER_EVENTS = List.of("start", "completion", "failure", "reschedule",
            "final-failure");

    private final ShipmentRepository shipments;
    private final WorkOrderRepository workOrders;
    private final StockService stock;
    private final OrderService orders;
    private final CustomerService customers;
    private final BillingService billing;
    private final FollowUpService followUps;
    private final OperatorTime time;

    ProgressService(ShipmentRepository shipments, WorkOrderRepository workOrders, StockService stock,
            OrderService orders, CustomerService customers, BillingService billing, FollowUpService followUps,
            OperatorTime time) {
        this.shipments = shipments;
        this.workOrders = workOrders;
        this.stock = stock;
        this.orders = orders;
        this.customers = customers;
        this.billing = billing;
        this.followUps = followUps;
        this.time = time;
    }

    /** Applies a shipment event; stock leaves at dispatch and comes back on return. */
    @Transactional
    public Shipment onShipment(long id, String event, FulfilmentEvent details, String actor) {
        FulfilmentEvent d = known(event, SHIPMENT_EVENTS, details);
        Shipment shipment = shipments.findByIdOptional(id).orElseThrow(() -> new NotFound("Shipment", id));
        Order order = orders.lockForUpdate(shipment.getOrderId());
        shipments.getEntityManager().refresh(shipment);
        OffsetDateTime now = time.now();
        ShipmentState from = shipment.apply(event, now); // an illegal event is refused before its details are read
        if (event.equals("delivery")) {
            require(d.recipientName(), "recipientName", d.signatureReference(), "signatureReference");
        }
        shipment.note(d.reason());
        switch (event) {
            case "dispatch" -> move(stock.take(shipment.getLocationCode(), shipment.getProductCode(),
                    shipment.getQuantity()), shipment);
            case "delivery" -> shipment.signedBy(d.recipientName(), d.signatureReference());
            case "return" -> move(stock.putBack(shipment.getLocationCode(), shipment.getProductCode(),
                    shipment.getQuantity()), shipment);
            default -> { }
        }
        orders.note(order, "shipment-" + event, actor, "Shipment " + id + " (" + shipment.getProductCode() + "): "
                + from + " → " + shipment.getState() + detail(d), shipment);
        if (shipment.getState() == ShipmentState.DELIVERED) {
            settle(order, shipment.getOrderItemId(), OrderState.COMPLETED, actor, now);
        } else if (shipment.getState() == ShipmentState.RETURNED) {
            settle(order, shipment.getOrderItemId(), OrderState.FAILED, actor, now);
        }
        return shipment;
    }

    /** Applies a work order event; a completed service becomes a current product of the customer. */
    @Transactional
    public WorkOrder onWorkOrder(long id, String event, FulfilmentEvent details, String actor) {
        FulfilmentEvent d = known(event, WORK_ORDER_EVENTS, details);
        WorkOrder work = workOrders.findByIdOptional(id).orElseThrow(() -> new NotFound("Work order", id));
        Order order = orders.lockForUpdate(work.getOrderId());
        workOrders.getEntityManager().refresh(work);
        OffsetDateTime now = time.now();
        WorkOrderState from = work.apply(event, now); // an illegal event is refused before its details are read
        if (event.equals("completion")) {
            require(d.technician(), "technician", d.lineOrEquipmentId(), "lineOrEquipmentId");
        }
        if (event.equals("reschedule") && d.appointmentOn() == null) {
            throw new InvalidInput("appointmentOn", "is required for this event");
        }
        work.note(d.reason());
        // the work order as reported (technician, new appointment) before its history entry and event are written
        if (work.getState() == WorkOrderState.COMPLETED) {
            work.completedBy(d.technician(), d.lineOrEquipmentId());
        } else if (work.getState() == WorkOrderState.RESCHEDULED) {
            work.appointment(d.appointmentOn(), d.slot());
        }
        orders.note(order, "work-order-" + event, actor, "Work order " + id + " (" + work.getWorkType() + " of "
                + work.getProductCode() + "): " + from + " → " + work.getState() + detail(d), work);
        switch (work.getState()) {
            case COMPLETED -> {
                customers.addCurrentProduct(order.getCustomerId(), work.getProductCode(),
                        new ServiceAddress(work.getStreet(), work.getCity(), work.getPostalCode()));
                settle(order, work.getOrderItemId(), OrderState.COMPLETED, actor, now);
            }
            case FAILED -> followUps.openTicket(order, "INSTALLATION_FAILED", work.getWorkType() + " of "
                    + work.getProductCode() + " failed" + (d.reason() == null ? "" : ": " + d.reason()));
            case FAILED_FOR_GOOD -> settle(order, work.getOrderItemId(), OrderState.FAILED, actor, now);
            default -> { }
        }
        return work;
    }

    /** Settles the item; once none is open, closes the order and bills what was delivered. */
    private void settle(Order order, long itemId, OrderState outcome, String actor, OffsetDateTime now) {
        order.settleItem(itemId, outcome, now);
        OrderState closed = order.settledState();
        if (closed == null) {
            return;
        }
        orders.transition(order, closed, closed.tmf(), actor, "Every item is settled: "
                + order.getItems().stream().map(i -> i.getLine() + " " + i.getState().tmf())
                        .collect(Collectors.joining(", ")));
        if (closed != OrderState.FAILED) {
            Map<Long, BigDecimal> fees = workOrders.ofOrder(order.getId()).stream()
                    .filter(w -> w.getState() == WorkOrderState.COMPLETED)
                    .collect(Collectors.toMap(WorkOrder::getOrderItemId, WorkOrder::getInstallationFee));
            billing.issue(order, fees, actor);
            followUps.due(order);
        }
    }

    private static FulfilmentEvent known(String event, List<String> events, FulfilmentEvent details) {
        if (!events.contains(event)) {
            throw new InvalidInput("event", "must be one of " + events);
        }
        return details == null ? FulfilmentEvent.none() : details;
    }

    private static void require(String first, String firstName, String second, String secondName) {
        List<FieldError> missing = new ArrayList<>();
        if (first == null || first.isBlank()) {
            missing.add(new FieldError(firstName, "is required for this event"));
        }
        if (second == null || second.isBlank()) {
            missing.add(new FieldError(secondName, "is required for this event"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
    }

    private static void move(boolean done, Shipment shipment) {
        if (!done) {
            throw new IllegalStateException("Stock of shipment " + shipment.getId() + " does not add up");
        }
    }

    private static String detail(FulfilmentEvent d) {
        StringBuilder s = new StringBuilder();
        if (d.recipientName() != null) {
            s.append("; received by ").append(d.recipientName()).append(", signature ").append(d.signatureReference());
        }
        if (d.technician() != null) {
            s.append("; technician ").append(d.technician());
        }
        if (d.lineOrEquipmentId() != null) {
            s.append(", line/equipment ").append(d.lineOrEquipmentId());
        }
        if (d.appointmentOn() != null) {
            s.append("; new appointment ").append(d.appointmentOn()).append(d.slot() == null ? "" : " " + d.slot());
        }
        if (d.reason() != null) {
            s.append("; ").append(d.reason());
        }
        return s.toString();
    }
}
