package pe.telco.orders.fulfilment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/{id}/cancellation}. */
public record CancellationRequest(@NotBlank @Size(max = 1000) String reason) {
}
