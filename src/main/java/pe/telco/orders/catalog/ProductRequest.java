package pe.telco.orders.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The body of {@code PUT /api/products/{code}}; prices include IGV. */
public record ProductRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull ProductKind kind,
        @NotNull ProductCategory category,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal monthlyFee,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as PEN") String currency,
        Boolean financeable,
        @Min(0) @Max(60) Integer maxInstallments,
        @Min(0) @Max(60) Integer contractMonths,
        @Min(1) @Max(100_000) Integer downloadMbps) {

    public static final String DEFAULT_CURRENCY = "PEN";

    public String currencyOrDefault() {
        return currency == null ? DEFAULT_CURRENCY : currency;
    }

    public boolean isFinanceable() {
        return Boolean.TRUE.equals(financeable);
    }

    public int maxInstallmentsOrZero() {
        return maxInstallments == null ? 0 : maxInstallments;
    }

    public int contractMonthsOrZero() {
        return contractMonths == null ? 0 : contractMonths;
    }
}
