package pe.telco.orders.fulfilment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;

/** A work order as the field team and the back office read it, with the events it allows now. */
public record WorkOrderResponse(long id, long orderId, int line, String productCode, WorkType workType,
        WorkOrderState state, LocalDate appointmentOn, String slot, BigDecimal installationFee,
        String instructions, String rule, ShipmentResponse.Address address, String technician,
        String lineOrEquipmentId, int attempts, String lastNote, OffsetDateTime updatedAt,
        List<String> allowedEvents) {

    public static WorkOrderResponse from(WorkOrder w) {
        return new WorkOrderResponse(w.getId(), w.getOrderId(), w.getLine(), w.getProductCode(), w.getWorkType(),
                w.getState(), w.getAppointmentOn(), w.getSlot(), w.getInstallationFee(), w.getInstructions(),
                w.getRuleId(), w.getPostalCode() == null ? null
                        : new ShipmentResponse.Address(w.getStreet(), w.getCity(), w.getPostalCode()),
                w.getTechnician(), w.getLineOrEquipmentId(), w.getAttempts(), w.getLastNote(),
                OperatorTime.local(w.getUpdatedAt()), WorkOrderState.MACHINE.allowed(w.getState()).stream()
                        .filter(ProgressService.WORK_ORDER_EVENTS::contains).toList());
    }
}
