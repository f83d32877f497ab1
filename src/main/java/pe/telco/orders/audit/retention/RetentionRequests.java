package pe.telco.orders.audit.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies the retention and legal-hold endpoints accept. */
public final class RetentionRequests {

    private RetentionRequests() {
    }

    /** Asks for a retention run on one month. */
    public record Run(@NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month as YYYY-MM") String month,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** Places a hold on an order, named by id or by number. */
    public record Hold(@Positive Long orderId, @Size(max = 20) String orderNumber,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** Lifts a hold. */
    public record Lift(@NotBlank @Size(max = 2000) String reason) {
    }
}
