package pe.telco.orders.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import pe.telco.orders.billing.Invoice;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.fulfilment.Shipment;
import pe.telco.orders.fulfilment.WorkOrder;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderItem;

/**
 * The one place event bodies are written: TMF-shaped events around a minimal ProductOrder (id, href, state,
 * externalId, channel, the milestone reached, reason codes) and the shipping order, work order and customer bill.
 * What reaches a channel never carries a credit score, a debt, a rule id or a reason's internal message: reasons go
 * out as their stable codes and the items they concern. When the TMF622 mapping lands, {@link #productOrder} is the
 * method to point at it.
 */
@ApplicationScoped
public class EventBodies {

    static final String TMF_BASE = "/tmf-api/productOrderingManagement/v5";

    private final ObjectMapper json;

    EventBodies(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A reason the channel may read: its stable code and the item line it concerns (0 for the whole order); bodies
     * name the item by the channel's id for it.
     */
    public record Reason(String code, int line) {
    }

    /** The TMF event envelope: {@code {"@type", eventId, eventTime, eventType, event: {<resource>: ...}}}. */
    public String envelope(EventType type, UUID eventId, OffsetDateTime at, Order order, String resourceName,
            ObjectNode resource) {
        ObjectNode event = json.createObjectNode();
        event.put("@type", type.tmf());
        event.put("eventId", eventId.toString());
        event.put("eventTime", OperatorTime.local(at).toString());
        event.put("eventType", type.tmf());
        event.put("correlationId", order.getOrderNumber());
        event.put("domain", "productOrderingManagement");
        event.putObject("event").set(resourceName, resource);
        return event.toString();
    }

    /** The order as a channel may see it after {@code milestone}. */
    public ObjectNode productOrder(Order order, String milestone, OffsetDateTime at, List<Reason> reasons,
            String cancellationReason) {
        ObjectNode o = json.createObjectNode();
        o.put("id", String.valueOf(order.getId()));
        o.put("href", TMF_BASE + "/productOrder/" + order.getId());
        o.put("@type", "ProductOrder");
        o.put("state", order.getState().tmf());
        o.put("creationDate", OperatorTime.local(order.getCreatedAt()).toString());
        ObjectNode external = o.putArray("externalId").addObject();
        external.put("id", order.getExternalId());
        external.put("owner", order.getChannel().name());
        external.put("@type", "ExternalIdentifier");
        ObjectNode channel = o.putArray("channel").addObject();
        channel.put("role", "salesChannel");
        channel.put("@type", "RelatedChannel");
        channel.putObject("channel").put("id", order.getChannel().name()).put("name", order.getChannel().name())
                .put("@type", "ChannelRef");
        ObjectNode reached = o.putArray("productOrderMilestone").addObject();
        reached.put("name", milestone);
        reached.put("milestoneDate", OperatorTime.local(at).toString());
        reached.put("status", "done");
        reached.put("@type", "ProductOrderMilestone");
        if (!reasons.isEmpty()) {
            ArrayNode errors = o.putArray("productOrderErrorMessage");
            for (Reason reason : reasons) {
                ObjectNode error = errors.addObject();
                error.put("code", reason.code());
                error.put("reason", reason.code());
                error.put("@type", "ProductOrderErrorMessage");
                if (reason.line() > 0) {
                    error.putArray("productOrderItem").addObject().put("productOrderId", String.valueOf(order.getId()))
                            .put("productOrderItemId", itemId(order, reason.line()))
                            .put("@type", "ProductOrderItemRef");
                }
            }
        }
        if (cancellationReason != null) {
            o.put("cancellationDate", OperatorTime.local(at).toString());
            o.put("cancellationReason", cancellationReason);
        }
        return o;
    }

    /** The cancellation of an order as TMF622's CancelProductOrder: cancellations here are done at once. */
    public ObjectNode cancelProductOrder(Order order, String reason, OffsetDateTime at) {
        ObjectNode c = json.createObjectNode();
        c.put("id", String.valueOf(order.getId()));
        c.put("href", TMF_BASE + "/cancelProductOrder/" + order.getId());
        c.put("@type", "CancelProductOrder");
        c.put("state", "done");
        c.put("cancellationReason", reason);
        c.put("effectiveCancellationDate", OperatorTime.local(at).toString());
        c.set("productOrder", orderRef(order));
        return c;
    }

    /** A shipment as the warehouse needs it (TMF700 ShippingOrder, simplified); no rule ids. */
    public ObjectNode shippingOrder(Order order, Shipment s) {
        ObjectNode o = json.createObjectNode();
        o.put("id", String.valueOf(s.getId()));
        o.put("href", "/api/shipments/" + s.getId());
        o.put("@type", "ShippingOrder");
        o.put("state", s.getState().name());
        o.set("productOrder", orderRef(order));
        o.put("productOrderItemId", itemId(order, s.getLine()));
        o.put("productCode", s.getProductCode());
        o.put("quantity", s.getQuantity());
        o.put("deliveryMethod", s.getDeliveryMethod().name());
        o.put("location", s.getLocationCode());
        if (s.getStreet() != null) {
            o.putObject("shipToAddress").put("street", s.getStreet()).put("city", s.getCity())
                    .put("postalCode", s.getPostalCode());
        }
        o.put("readyOn", s.getReadyOn().toString());
        putDate(o, "windowFrom", s.getWindowFrom());
        putDate(o, "windowTo", s.getWindowTo());
        o.put("slot", s.getSlot());
        o.put("instructions", s.getInstructions());
        o.put("deliveryAttempts", s.getDeliveryAttempts());
        if (s.getRecipientName() != null) {
            o.put("recipientName", s.getRecipientName());
            o.put("signatureReference", s.getSignatureReference());
        }
        return o;
    }

    /** A work order as field service needs it (TMF697 WorkOrder, simplified); no rule ids. */
    public ObjectNode workOrder(Order order, WorkOrder w) {
        ObjectNode o = json.createObjectNode();
        o.put("id", String.valueOf(w.getId()));
        o.put("href", "/api/work-orders/" + w.getId());
        o.put("@type", "WorkOrder");
        o.put("state", w.getState().name());
        o.set("productOrder", orderRef(order));
        o.put("productOrderItemId", itemId(order, w.getLine()));
        o.put("productCode", w.getProductCode());
        o.put("workType", w.getWorkType().name());
        o.put("appointmentOn", w.getAppointmentOn().toString());
        o.put("slot", w.getSlot());
        o.put("instructions", w.getInstructions());
        o.putObject("place").put("street", w.getStreet()).put("city", w.getCity())
                .put("postalCode", w.getPostalCode());
        o.put("attempts", w.getAttempts());
        if (w.getTechnician() != null) {
            o.put("technician", w.getTechnician());
            o.put("lineOrEquipmentId", w.getLineOrEquipmentId());
        }
        return o;
    }

    /** An invoice as billing needs it (TMF678 CustomerBill, simplified). */
    public ObjectNode customerBill(Order order, Invoice i) {
        ObjectNode o = json.createObjectNode();
        o.put("id", String.valueOf(i.getId()));
        o.put("href", "/api/invoices/" + i.getId());
        o.put("@type", "CustomerBill");
        o.put("billNo", i.getInvoiceNumber());
        o.put("state", i.getState().name());
        o.set("productOrder", orderRef(order));
        o.put("billDate", OperatorTime.local(i.getIssuedAt()).toString());
        o.put("paymentDueDate", i.getDueOn().toString());
        o.set("taxIncludedAmount", money(i.getTotal(), i.getCurrency()));
        o.set("taxExcludedAmount", money(i.getBase(), i.getCurrency()));
        o.set("remainingAmount", money(i.balance(), i.getCurrency()));
        o.put("paymentMethod", i.getPaymentMethod() == null ? null : i.getPaymentMethod().name());
        return o;
    }

    /** How the channel refers to the item on this line (its own id, as the TMF622 API answers), not the line number. */
    private static String itemId(Order order, int line) {
        return order.getItems().stream().filter(item -> item.getLine() == line).findFirst().map(OrderItem::itemId)
                .orElse(String.valueOf(line));
    }

    private ObjectNode orderRef(Order order) {
        return json.createObjectNode().put("id", String.valueOf(order.getId()))
                .put("href", TMF_BASE + "/productOrder/" + order.getId()).put("@referredType", "ProductOrder")
                .put("@type", "ProductOrderRef");
    }

    private ObjectNode money(BigDecimal value, String unit) {
        return json.createObjectNode().put("unit", unit).put("value", value);
    }

    private static void putDate(ObjectNode o, String name, java.time.LocalDate date) {
        if (date != null) {
            o.put(name, date.toString());
        }
    }
}
