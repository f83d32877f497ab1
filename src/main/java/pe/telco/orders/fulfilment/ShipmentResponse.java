package pe.telco.orders.fulfilment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.order.DeliveryMethod;

/** A shipment as the warehouse and the back office read it, with the events it allows now. */
public record ShipmentResponse(long id, long orderId, int line, String productCode, int quantity,
        DeliveryMethod deliveryMethod, String locationCode, Address address, ShipmentState state,
        LocalDate readyOn, LocalDate deliveryWindowFrom, LocalDate deliveryWindowTo, String slot,
        String instructions, String rule, int deliveryAttempts, String recipientName, String signatureReference,
        String lastNote, OffsetDateTime updatedAt, List<String> allowedEvents) {

    /** Where a home delivery goes. */
    public record Address(String street, String city, String postalCode) {
    }

    public static ShipmentResponse from(Shipment s) {
        return new ShipmentResponse(s.getId(), s.getOrderId(), s.getLine(), s.getProductCode(), s.getQuantity(),
                s.getDeliveryMethod(), s.getLocationCode(),
                s.getPostalCode() == null ? null : new Address(s.getStreet(), s.getCity(), s.getPostalCode()),
                s.getState(), s.getReadyOn(), s.getWindowFrom(), s.getWindowTo(), s.getSlot(), s.getInstructions(),
                s.getRuleId(), s.getDeliveryAttempts(), s.getRecipientName(), s.getSignatureReference(),
                s.getLastNote(), OperatorTime.local(s.getUpdatedAt()),
                ShipmentState.MACHINE.allowed(s.getState()).stream()
                        .filter(ProgressService.SHIPMENT_EVENTS::contains).toList());
    }
}
