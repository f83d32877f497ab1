package pe.telco.orders.audit.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;

/** Legal holds: orders whose evaluations keep their facts through retention, with who held them and why. */
@Path("/api/audit/legal-holds")
@RolesAllowed({Roles.AUDITOR, Roles.OPERATIONS})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class LegalHoldResource {

    @Inject
    Caller caller;

    private final LegalHoldService service;

    public LegalHoldResource(LegalHoldService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Legal holds, newest first, active and lifted")
    public List<LegalHold> holds() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hold an order (by orderId or orderNumber) out of retention, saying why")
    @APIResponse(responseCode = "201", description = "Held")
    @APIResponse(responseCode = "400", description = "Neither or both of orderId and orderNumber, or no reason")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is already held")
    public Response place(@Valid @NotNull RetentionRequests.Hold body) {
        LegalHold hold = service.place(body.orderId(), body.orderNumber(), body.reason(), caller.name());
        return Response.created(URI.create("/api/audit/legal-holds/" + hold.id())).entity(hold).build();
    }

    @POST
    @Path("/{id}/lifting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift a hold, saying why: the order's evaluations fall under the next retention run")
    @APIResponse(responseCode = "404", description = "No such hold")
    @APIResponse(responseCode = "409", description = "Already lifted")
    public LegalHold lift(@PathParam("id") long id, @Valid @NotNull RetentionRequests.Lift body) {
        return service.lift(id, body.reason(), caller.name());
    }
}
