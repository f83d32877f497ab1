package pe.telco.orders.coverage;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP face of the coverage map: {@code /api/coverage/{postalCode}}. */
@Path("/api/coverage/{postalCode}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class CoverageResource {

    private final CoverageService coverage;

    CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Operation(summary = "Replace what is available at a postal code (idempotent)")
    @APIResponse(responseCode = "200", description = "What is now available there")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    public CoverageResponse put(
            @PathParam("postalCode") @Pattern(regexp = Coverage.POSTAL_CODE_PATTERN,
                    message = Coverage.POSTAL_CODE_MESSAGE) String postalCode,
            @Valid @NotNull CoverageRequest body) {
        return CoverageResponse.from(postalCode, coverage.replace(postalCode, body));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "What is available at a postal code")
    @APIResponse(responseCode = "200", description = "The technologies there; an empty list where nothing is known")
    public CoverageResponse get(
            @PathParam("postalCode") @Pattern(regexp = Coverage.POSTAL_CODE_PATTERN,
                    message = Coverage.POSTAL_CODE_MESSAGE) String postalCode) {
        return CoverageResponse.from(postalCode, coverage.availableAt(postalCode));
    }
}
