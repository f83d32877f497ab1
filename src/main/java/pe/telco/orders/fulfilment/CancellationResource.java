package pe.telco.orders.fulfilment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.order.OrderResponse;

/** Cancelling an order before dispatch or installation start; the authenticated caller is recorded as who. */
@Path("/api/orders/{id}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class CancellationResource {

    @Inject
    Caller caller;

    private final FulfilmentService fulfilment;

    CancellationResource(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @POST
    @Operation(summary = "Cancel an order until a shipment is dispatched or an installation starts; stock returned")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "409", description = "Too late: dispatched, started or closed (body names why)")
    public OrderResponse cancel(@PathParam("id") long id, @Valid @NotNull CancellationRequest body) {
        String actor = caller.name();
        return OrderResponse.from(fulfilment.cancel(id, body.reason(), actor));
    }
}
