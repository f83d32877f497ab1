package pe.telco.orders.tmf.cancel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import pe.telco.orders.common.OperatorTime;

/**
 * A TMF622 {@code CancelProductOrder}: which order, why, and its outcome ({@code done} with the effective date, or
 * {@code terminatedWithError} with the reason in {@code errorMessage}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "CancelProductOrder", description = "TMF622 v5 CancelProductOrder")
public record CancelProductOrder(
        String id,
        String href,
        @JsonProperty("@type") String type,
        OrderRef productOrder,
        String cancellationReason,
        OffsetDateTime creationDate,
        OffsetDateTime requestedCancellationDate,
        OffsetDateTime effectiveCancellationDate,
        String state,
        @Schema(description = "Why the cancellation could not be done (extension)") List<ErrorMessage> errorMessage) {

    static final String BASE = "/tmf-api/productOrderingManagement/v5";

    /** The order to cancel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderRef(@JsonProperty("@type") String type, String id, String href) {
    }

    /** Why it could not be done. */
    public record ErrorMessage(@JsonProperty("@type") String type, String code, String reason, String message) {
    }

    /** The body a channel sends: productOrder.id, cancellationReason, optionally requestedCancellationDate. */
    @Schema(name = "CancelProductOrder_FVO", description = "TMF622 v5 CancelProductOrder as a channel creates it")
    public record Input(@JsonProperty("@type") String type, OrderRef productOrder, String cancellationReason,
            String requestedCancellationDate) {
    }

    static CancelProductOrder from(CancelTask task) {
        return new CancelProductOrder(String.valueOf(task.getId()), BASE + "/cancelProductOrder/" + task.getId(),
                "CancelProductOrder", new OrderRef("ProductOrderRef", String.valueOf(task.getOrderId()),
                        BASE + "/productOrder/" + task.getOrderId()),
                task.getCancellationReason(), OperatorTime.local(task.getCreationDate()),
                OperatorTime.local(task.getRequestedCancellationDate()),
                OperatorTime.local(task.getEffectiveCancellationDate()), task.getState(),
                task.getErrorMessage() == null ? List.of() : List.of(new ErrorMessage("ErrorMessage",
                        "state-conflict", "The order can no longer be cancelled", task.getErrorMessage())));
    }
}
