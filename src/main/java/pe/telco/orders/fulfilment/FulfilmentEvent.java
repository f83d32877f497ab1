package pe.telco.orders.fulfilment;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The details of a shipment or work order event. Which are required depends on the event: a delivery needs the
 * recipient's name and signature reference, a completion the technician and the line or equipment identifier, a
 * reschedule the new appointment date.
 */
public record FulfilmentEvent(
        @Size(max = 200) String recipientName,
        @Size(max = 120) String signatureReference,
        @Size(max = 120) String technician,
        @Size(max = 120) String lineOrEquipmentId,
        LocalDate appointmentOn,
        @Size(max = 20) String slot,
        @Size(max = 1000) String reason) {

    static FulfilmentEvent none() {
        return new FulfilmentEvent(null, null, null, null, null, null, null);
    }
}
