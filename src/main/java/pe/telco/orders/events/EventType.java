package pe.telco.orders.events;

import java.util.Arrays;
import java.util.List;

/**
 * The events the service publishes, with TM Forum names: TMF622 for orders, TMF700 (shipping order), TMF697 (work
 * order) and TMF678 (customer bill) for the warehouse, field service and billing.
 */
public enum EventType {
    PRODUCT_ORDER_CREATE("ProductOrderCreateEvent", Topic.ORDER),
    PRODUCT_ORDER_STATE_CHANGE("ProductOrderStateChangeEvent", Topic.ORDER),
    PRODUCT_ORDER_MILESTONE("ProductOrderMilestoneEvent", Topic.ORDER),
    PRODUCT_ORDER_INFORMATION_REQUIRED("ProductOrderInformationRequiredEvent", Topic.ORDER),
    CANCEL_PRODUCT_ORDER_STATE_CHANGE("CancelProductOrderStateChangeEvent", Topic.ORDER),
    SHIPPING_ORDER_CREATE("ShippingOrderCreateEvent", Topic.SHIPMENT),
    SHIPPING_ORDER_STATE_CHANGE("ShippingOrderStateChangeEvent", Topic.SHIPMENT),
    WORK_ORDER_CREATE("WorkOrderCreateEvent", Topic.WORK_ORDER),
    WORK_ORDER_STATE_CHANGE("WorkOrderStateChangeEvent", Topic.WORK_ORDER),
    CUSTOMER_BILL_CREATE("CustomerBillCreateEvent", Topic.INVOICE),
    CUSTOMER_BILL_STATE_CHANGE("CustomerBillStateChangeEvent", Topic.INVOICE);

    private final String tmf;
    private final Topic topic;

    EventType(String tmf, Topic topic) {
        this.tmf = tmf;
        this.topic = topic;
    }

    /** The name in bodies, in {@code ?type=} and (lower camel case) in a listener's path. */
    public String tmf() {
        return tmf;
    }

    public Topic topic() {
        return topic;
    }

    /** {@code productOrderStateChangeEvent}: the last segment of {@code POST {callback}/listener/...}. */
    public String listenerPath() {
        return Character.toLowerCase(tmf.charAt(0)) + tmf.substring(1);
    }

    public static EventType fromTmf(String name) {
        return Arrays.stream(values()).filter(t -> t.tmf.equals(name)).findFirst().orElse(null);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EventType::tmf).toList();
    }
}
