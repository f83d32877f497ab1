package pe.telco.orders.approval;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/{id}/approval}: approve or decline, and why. */
public record ApprovalRequest(@NotNull Boolean approved, @Size(max = 1000) String comment) {
}
