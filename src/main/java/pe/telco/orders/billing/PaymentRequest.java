package pe.telco.orders.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import pe.telco.orders.order.PaymentMethod;

/** The body of {@code POST /api/invoices/{id}/payments}; currency defaults to the invoice's. */
public record PaymentRequest(
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 10, fraction = 2, message = "must have at most two decimals") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as PEN") String currency,
        @NotNull PaymentMethod method) {
}
