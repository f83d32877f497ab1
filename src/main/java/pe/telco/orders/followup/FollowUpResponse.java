package pe.telco.orders.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;

/** A follow-up as the back office reads it. */
public record FollowUpResponse(long id, long orderId, String state, LocalDate dueOn, Integer score, String comment,
        OffsetDateTime answeredAt) {

    public static FollowUpResponse from(FollowUp f) {
        return new FollowUpResponse(f.getId(), f.getOrderId(), f.getState(), f.getDueOn(), f.getScore(),
                f.getComment(), OperatorTime.local(f.getAnsweredAt()));
    }
}
