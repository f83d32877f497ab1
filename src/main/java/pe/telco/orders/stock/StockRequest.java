package pe.telco.orders.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/stock/{locationCode}/{productCode}}: the units on hand there. */
public record StockRequest(@NotNull @Min(0) @Max(1_000_000) Integer quantity) {
}
