package pe.telco.orders.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/locations/{code}}. */
public record LocationRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull LocationKind kind,
        @NotBlank @Size(max = 80) String district) {
}
