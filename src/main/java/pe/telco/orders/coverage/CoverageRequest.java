package pe.telco.orders.coverage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /api/coverage/{postalCode}}: everything available there, replacing what was. */
public record CoverageRequest(
        @NotNull @Size(max = 10) List<@NotNull @Valid Available> technologies) {

    /** One technology and its best download speed at the postal code. */
    public record Available(
            @NotNull Technology technology,
            @NotNull @Min(1) @Max(100_000) Integer maxDownloadMbps) {
    }
}
