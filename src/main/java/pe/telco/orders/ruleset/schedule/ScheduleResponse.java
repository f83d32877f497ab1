package pe.telco.orders.ruleset.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;

/** A scheduled activation as answered, times in Lima: for when, by whom, and how it ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleResponse(long id, String href, int version, OffsetDateTime at, String state, String scheduledBy,
        OffsetDateTime scheduledAt, String comment, OffsetDateTime switchedAt, Integer previous, String failure,
        OffsetDateTime failedAt, Cancellation cancellation) {

    /** Who cancelled a schedule, when and why. */
    public record Cancellation(String by, OffsetDateTime at, String reason) {
    }

    public static ScheduleResponse of(ScheduledActivation s) {
        return new ScheduleResponse(s.getId(), "/api/rulesets/activation-schedules/" + s.getId(), s.getVersion(),
                OperatorTime.local(s.getSwitchAt()), s.getState().name(), s.getScheduledBy(),
                OperatorTime.local(s.getScheduledAt()), s.getComment(), OperatorTime.local(s.getSwitchedAt()),
                s.getPrevious(), s.getFailure(), OperatorTime.local(s.getFailedAt()),
                s.getCancelledAt() == null ? null : new Cancellation(s.getCancelledBy(),
                        OperatorTime.local(s.getCancelledAt()), s.getCancelReason()));
    }
}
