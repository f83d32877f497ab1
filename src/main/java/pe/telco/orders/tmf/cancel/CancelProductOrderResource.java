package pe.telco.orders.tmf.cancel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.NotFound;

/** TMF622 v5 cancelProductOrder: a channel cancels its own order until dispatch or installation start. */
@Path(CancelProductOrder.BASE + "/cancelProductOrder")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "TMF622 cancelProductOrder", description = "TM Forum Product Ordering Management v5 for channels")
public class CancelProductOrderResource {

    private final CancelProductOrderService service;
    private final Caller caller;

    public CancelProductOrderResource(CancelProductOrderService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CHANNEL)
    @Operation(operationId = "createCancelProductOrder", summary = "Cancel an order: state done (the order is "
            + "cancelled, reserved stock returned) or terminatedWithError (too late: dispatched or installing)")
    @APIResponse(responseCode = "201", description = "The cancel task and its outcome; Location names it",
            content = @Content(schema = @Schema(implementation = CancelProductOrder.class)))
    @APIResponse(responseCode = "400", description = "Invalid attributes, every one listed")
    @APIResponse(responseCode = "404", description = "No such order, or another channel's")
    public Response create(CancelProductOrder.Input request) {
        CancelProductOrder task = CancelProductOrder.from(service.cancel(request, caller.name(),
                caller.channel().orElse(null)));
        return Response.created(URI.create(task.href())).entity(task).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(operationId = "retrieveCancelProductOrder", summary = "Read a cancel task (a channel reads only its own)")
    @APIResponse(responseCode = "200", description = "The cancel task",
            content = @Content(schema = @Schema(implementation = CancelProductOrder.class)))
    @APIResponse(responseCode = "404", description = "No such task, or another channel's")
    public CancelProductOrder get(@PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("CancelProductOrder", id);
        }
        return CancelProductOrder.from(service.get(number, caller.channel().orElse(null)));
    }
}
