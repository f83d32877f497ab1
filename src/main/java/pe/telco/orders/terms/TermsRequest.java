package pe.telco.orders.terms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code PUT /api/terms/{version}}. */
public record TermsRequest(
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url) {
}
