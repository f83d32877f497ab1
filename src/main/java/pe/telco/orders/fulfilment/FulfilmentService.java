package pe.telco.orders.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.common.Unprocessable;
import pe.telco.orders.evaluation.facts.FulfilmentItem;
import pe.telco.orders.order.DeliveryMethod;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderAddresses;
import pe.telco.orders.order.OrderItem;
import pe.telco.orders.order.OrderService;
import pe.telco.orders.order.OrderState;
import pe.telco.orders.stock.StockService;

/**
 * The release path and its undoing: a released order gets a shipment per device (stock reserved at the pickup
 * store or a warehouse that has it, by a conditional update) and a work order per service, as the fulfilment table
 * plans them; a cancellation before dispatch or installation start gives the stock back.
 */
@ApplicationScoped
public class FulfilmentService {

    static final String OUT_OF_STOCK = "OUT_OF_STOCK_AT_RELEASE";

    /**
     * The order in which a transaction takes stock rows: by product, then by location. Releases and cancellations
     * that touch the same products in different item orders would otherwise wait on each other's rows and deadlock.
     */
    private static final Comparator<Shipment> STOCK_LOCK_ORDER = Comparator.comparing(Shipment::getProductCode)
            .thenComparing(Shipment::getLocationCode);

    private final FulfilmentPlanner planner;
    private final StockService stock;
    private final ShipmentRepository shipments;
    private final WorkOrderRepository workOrders;
    private final OrderService orders;
    private final OperatorTime time;

    FulfilmentService(FulfilmentPlanner planner, StockService stock, ShipmentRepository shipments,
            WorkOrderRepository workOrders, OrderService orders, OperatorTime time) {
        this.planner = planner;
        this.stock = stock;
        this.shipments = shipments;
        this.workOrders = workOrders;
        this.orders = orders;
        this.time = time;
    }

    /**
     * Releases an order that was just moved to inProgress (by an evaluation, or by a person who approved it): its
     * devices' stock reserved, then a shipment per device and a work order per service, each recorded in the order's
     * history in the order of its items. Runs in the releasing transaction. If an item has no plan or its stock
     * was taken meanwhile, it throws and the release rolls back: the order stays as it was (acknowledged, or pending
     * for a person) and the answer says why.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Order order, OrderState from, String actor) {
        List<FulfilmentItem> plans = plan(order);
        OffsetDateTime now = time.now();
        LocalDate today = now.toLocalDate();
        Map<OrderItem, String> locations = reserve(order, from);
        Map<OrderItem, Shipment> shipped = new LinkedHashMap<>();
        Map<OrderItem, WorkOrder> scheduled = new LinkedHashMap<>();
        for (OrderItem item : order.getItems()) {
            FulfilmentItem plan = plans.get(item.getLine() - 1);
            if (item.isDevice()) {
                shipped.put(item, ship(order, item, locations.get(item), plan, today, now));
            } else {
                scheduled.put(item, schedule(order, item, plan, today, now));
            }
        }
        // persisted table by table: numbered now (the history names them), inserted at the flush one batch per table
        shipped.values().forEach(shipments::persist);
        scheduled.values().forEach(workOrders::persist);
        for (OrderItem item : order.getItems()) {
            String rule = plans.get(item.getLine() - 1).getRuleId();
            Shipment shipment = shipped.get(item);
            if (shipment != null) {
                orders.note(order, "shipment-prepared", actor, "Shipment " + shipment.getId() + ": "
                        + item.getQuantity() + " × " + item.getProductCode() + " reserved at "
                        + shipment.getLocationCode() + ", ready " + shipment.getReadyOn() + " (" + rule + ")",
                        shipment);
            } else {
                WorkOrder work = scheduled.get(item);
                orders.note(order, "work-order-scheduled", actor, "Work order " + work.getId() + ": "
                        + work.getWorkType() + " of " + item.getProductCode() + " on " + work.getAppointmentOn()
                        + " " + work.getSlot() + " (" + rule + ")", work);
            }
        }
    }

    /**
     * Reserves the stock of every device of the order and says where each item ships from. All units of one product
     * come from one place when it has them: the pickup store, or the warehouse with the most available among those no
     * other order is reserving at this moment (so orders for the same product go on side by side at different
     * warehouses instead of queueing for one). Otherwise each item is reserved on its own: the warehouse with the
     * most, then any that has them; an item no place has throws, and the release rolls back. Products are reserved
     * in code order, whatever the order of the items, so that two orders for the same products never hold one row
     * each while waiting for the other's ({@link #STOCK_LOCK_ORDER}).
     */
    private Map<OrderItem, String> reserve(Order order, OrderState from) {
        boolean pickup = order.getDeliveryMethod() == DeliveryMethod.STORE_PICKUP;
        Map<String, List<OrderItem>> byProduct = new TreeMap<>();
        order.getItems().stream().filter(OrderItem::isDevice)
                .forEach(i -> byProduct.computeIfAbsent(i.getProductCode(), p -> new ArrayList<>()).add(i));
        Map<OrderItem, String> locations = new HashMap<>();
        for (var product : byProduct.entrySet()) {
            int units = product.getValue().stream().mapToInt(OrderItem::getQuantity).sum();
            Optional<String> together = reserveTogether(order, product.getKey(), units);
            for (OrderItem item : product.getValue()) {
                locations.put(item, together.isPresent() ? together.get()
                        : pickup ? reserveAtStore(order, item, from) : reserveAtWarehouse(order, item, from));
            }
        }
        return locations;
    }

    private Optional<String> reserveTogether(Order order, String productCode, int units) {
        if (order.getDeliveryMethod() == DeliveryMethod.STORE_PICKUP) {
            String store = order.getPickupStoreCode();
            return stock.reserveIfAvailable(store, productCode, units) ? Optional.of(store) : Optional.empty();
        }
        return stock.reserveAtBestWarehouse(productCode, units);
    }

    private List<FulfilmentItem> plan(Order order) {
        String method = order.getDeliveryMethod() == null ? null : order.getDeliveryMethod().name();
        List<FulfilmentItem> items = order.getItems().stream().map(i -> new FulfilmentItem(i.getLine(),
                i.getProductCode(), i.getKind(), i.getCategory(), method)).toList();
        planner.plan(items);
        List<String> unplanned = items.stream().filter(i -> !i.isPlanned())
                .map(i -> "items[" + (i.getLine() - 1) + "] " + i.getProductCode() + " (" + i.getCategory() + ")")
                .toList();
        if (!unplanned.isEmpty()) {
            throw new Unprocessable("no-fulfilment-rule", "NO_FULFILMENT_RULE: no row of fulfilment.drl.xlsx plans "
                    + String.join(", ", unplanned) + "; order " + order.getOrderNumber() + " was not released");
        }
        return items;
    }

    private Shipment ship(Order order, OrderItem item, String location, FulfilmentItem plan, LocalDate today,
            OffsetDateTime now) {
        boolean pickup = order.getDeliveryMethod() == DeliveryMethod.STORE_PICKUP;
        OrderAddresses a = order.getAddresses();
        LocalDate ready = today.plusDays(plan.getLeadDays());
        boolean toDelivery = !pickup && a.deliveryPostalCode() != null;
        return new Shipment(order.getId(), item.getId(), item.getLine(), item.getProductCode(),
                item.getQuantity(), pickup ? DeliveryMethod.STORE_PICKUP : DeliveryMethod.HOME_DELIVERY, location,
                pickup ? null : toDelivery ? a.deliveryStreet() : a.serviceStreet(),
                pickup ? null : toDelivery ? a.deliveryCity() : a.serviceCity(),
                pickup ? null : toDelivery ? a.deliveryPostalCode() : a.servicePostalCode(),
                ready, pickup ? null : ready, pickup ? null : ready.plusDays(plan.getWindowDays()), plan.getSlot(),
                plan.getInstructions(), plan.getRuleId(), now);
    }

    private String reserveAtStore(Order order, OrderItem item, OrderState from) {
        if (!stock.reserveIfAvailable(order.getPickupStoreCode(), item.getProductCode(), item.getQuantity())) {
            throw outOfStock(order, item, from, "at store " + order.getPickupStoreCode());
        }
        return order.getPickupStoreCode();
    }

    private String reserveAtWarehouse(Order order, OrderItem item, OrderState from) {
        Optional<String> best = stock.reserveAtBestWarehouse(item.getProductCode(), item.getQuantity());
        if (best.isPresent()) {
            return best.get();
        }
        // none has them, or each that has them is being reserved at by another order: try them in turn, waiting
        for (String warehouse : stock.warehousesWith(item.getProductCode(), item.getQuantity())) {
            if (stock.reserveIfAvailable(warehouse, item.getProductCode(), item.getQuantity())) {
                return warehouse;
            }
        }
        throw outOfStock(order, item, from, "at any warehouse");
    }

    private static StateConflict outOfStock(Order order, OrderItem item, OrderState from, String where) {
        return new StateConflict(OUT_OF_STOCK + ": " + item.getQuantity() + " × " + item.getProductCode()
                + " are no longer available " + where + " (another order took them); order " + order.getOrderNumber()
                + " was not released and is still " + from.tmf(), from.tmf(), order.ref(),
                from == OrderState.ACKNOWLEDGED ? List.of("POST evaluation")
                        : List.of("POST approval"));
    }

    private WorkOrder schedule(Order order, OrderItem item, FulfilmentItem plan, LocalDate today,
            OffsetDateTime now) {
        OrderAddresses a = order.getAddresses();
        return new WorkOrder(order.getId(), item.getId(), item.getLine(), item.getProductCode(),
                WorkType.valueOf(plan.getWork()), today.plusDays(plan.getLeadDays()), plan.getSlot(),
                plan.getInstallationFee(), plan.getInstructions(), plan.getRuleId(), a.serviceStreet(),
                a.serviceCity(), a.servicePostalCode(), now);
    }

    /**
     * Cancels an order until a shipment is dispatched or an installation starts: shipments and work orders are
     * cancelled and reserved stock goes back. Refused with 409 after, naming what blocks it.
     */
    @Transactional
    public Order cancel(long orderId, String reason, String actor) {
        Order order = orders.lockForUpdate(orderId);
        if (!order.getState().canMoveTo(OrderState.CANCELLED)) {
            throw new StateConflict("Order " + order.getOrderNumber() + " is " + order.getState().tmf()
                    + " and can no longer be cancelled", order.getState().tmf(), order.ref(), List.of());
        }
        List<Shipment> sent = shipments.ofOrder(orderId);
        List<WorkOrder> work = workOrders.ofOrder(orderId);
        List<String> blocking = new ArrayList<>();
        sent.stream().filter(s -> !ShipmentState.MACHINE.allows(s.getState(), "cancel"))
                .forEach(s -> blocking.add("shipment " + s.getId() + " is " + s.getState()));
        work.stream().filter(w -> !WorkOrderState.MACHINE.allows(w.getState(), "cancel"))
                .forEach(w -> blocking.add("work order " + w.getId() + " is " + w.getState()));
        if (!blocking.isEmpty()) {
            throw new StateConflict("Order " + order.getOrderNumber() + " can no longer be cancelled: "
                    + String.join(", ", blocking), order.getState().tmf(), order.ref(), List.of());
        }
        OffsetDateTime now = time.now();
        sent.forEach(s -> s.apply("cancel", now));
        for (Shipment s : sent.stream().sorted(STOCK_LOCK_ORDER).toList()) {
            if (!stock.unreserve(s.getLocationCode(), s.getProductCode(), s.getQuantity())) {
                throw new IllegalStateException("Reserved stock of shipment " + s.getId() + " is missing");
            }
        }
        work.forEach(w -> w.apply("cancel", now));
        orders.transition(order, OrderState.CANCELLED, "cancelled", actor, reason);
        return order;
    }

    @Transactional
    public List<Shipment> shipmentsOf(long orderId) {
        orders.requireExists(orderId);
        return shipments.ofOrder(orderId);
    }

    /** The last planned delivery day or appointment of the order's shipments and work orders, if it has any. */
    @Transactional
    public Optional<LocalDate> lastPlannedDay(long orderId) {
        return shipments.lastPlannedDay(orderId);
    }

    @Transactional
    public List<WorkOrder> workOrdersOf(long orderId) {
        orders.requireExists(orderId);
        return workOrders.ofOrder(orderId);
    }

    static NotFound noShipment(long id) {
        return new NotFound("Shipment", id);
    }
}
