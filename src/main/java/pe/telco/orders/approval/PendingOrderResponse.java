package pe.telco.orders.approval;

import java.time.OffsetDateTime;
import java.util.List;

/** An order waiting for a person, with the reasons its latest evaluation held it. */
public record PendingOrderResponse(long orderId, String orderNumber, String channel, String customerName,
        String customerDocument, OffsetDateTime createdAt, OffsetDateTime heldAt, int rulesetVersion,
        List<Reason> reasons) {

    /** One REVIEW (or FAIL) result of the evaluation. */
    public record Reason(String check, String outcome, String code, String message, String productCode,
            String rule) {
    }
}
