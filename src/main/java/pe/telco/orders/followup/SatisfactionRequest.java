package pe.telco.orders.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/{id}/satisfaction}. */
public record SatisfactionRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {
}
