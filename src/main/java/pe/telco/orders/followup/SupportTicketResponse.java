package pe.telco.orders.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;

/** A support ticket as the back office reads it. */
public record SupportTicketResponse(long id, long orderId, String reason, String detail, String state,
        LocalDate contactOn, OffsetDateTime createdAt) {

    public static SupportTicketResponse from(SupportTicket t) {
        return new SupportTicketResponse(t.getId(), t.getOrderId(), t.getReason(), t.getDetail(), t.getState(),
                t.getContactOn(), OperatorTime.local(t.getCreatedAt()));
    }
}
