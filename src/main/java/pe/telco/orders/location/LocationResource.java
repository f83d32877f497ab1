package pe.telco.orders.location;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.Page;

/** HTTP face of the warehouses and stores: {@code /api/locations}. */
@Path("/api/locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class LocationResource {

    private final LocationService locations;

    LocationResource(LocationService locations) {
        this.locations = locations;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Path("/{code}")
    @Operation(summary = "Create or replace a warehouse or store (idempotent)")
    @APIResponse(responseCode = "200", description = "The stored location")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    public LocationResponse put(
            @PathParam("code") @Pattern(regexp = Location.CODE_PATTERN, message = Location.CODE_MESSAGE) String code,
            @Valid @NotNull LocationRequest body) {
        return LocationResponse.from(locations.upsert(code, body));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/{code}")
    @Operation(summary = "Read a location")
    @APIResponse(responseCode = "200", description = "The location")
    @APIResponse(responseCode = "404", description = "No location with this code")
    public LocationResponse get(
            @PathParam("code") @Pattern(regexp = Location.CODE_PATTERN, message = Location.CODE_MESSAGE) String code) {
        return LocationResponse.from(locations.get(code));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "List the warehouses and stores, ordered by code")
    @APIResponse(responseCode = "200", description = "One page of locations")
    public Page<LocationResponse> list(@QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return locations.list(paging.page(), paging.size()).map(LocationResponse::from);
    }
}
