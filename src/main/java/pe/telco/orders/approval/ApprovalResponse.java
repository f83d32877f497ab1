package pe.telco.orders.approval;

import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.order.OrderState;

/** What the person decided and where the order went. */
public record ApprovalResponse(long orderId, String orderNumber, boolean approved, String comment, String decidedBy,
        OffsetDateTime decidedAt, OrderState state) {

    static ApprovalResponse from(Approval a, String orderNumber, OrderState state) {
        return new ApprovalResponse(a.getOrderId(), orderNumber, a.isApproved(), a.getComment(), a.getDecidedBy(),
                OperatorTime.local(a.getDecidedAt()), state);
    }
}
