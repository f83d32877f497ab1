package pe.telco.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import pe.telco.orders.common.OperatorTime;

/** One entry of an order's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEventResponse(OffsetDateTime at, String milestone, String fromState, String toState, String actor,
        String cause) {

    public static OrderEventResponse from(OrderEvent event) {
        return new OrderEventResponse(OperatorTime.local(event.getAt()), event.getMilestone(), event.getFromState(),
                event.getToState(), event.getActor(), event.getCause());
    }
}
