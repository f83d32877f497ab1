package pe.telco.orders.fulfilment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shipment events as the warehouse (its own location's) and carriers report them; the authenticated caller is recorded as who. */
@Path("/api/shipments/{id}/{event}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class ShipmentResource {

    @Inject
    Caller caller;

    private final ProgressService progress;
    private final WorkLists lists;

    ShipmentResource(ProgressService progress, WorkLists lists) {
        this.progress = progress;
        this.lists = lists;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.WAREHOUSE})
    @POST
    @Operation(summary = "Report a shipment event: dispatch, delivery (recipientName, signatureReference), "
            + "failed-delivery, redelivery, return")
    @APIResponse(responseCode = "200", description = "The shipment after the event")
    @APIResponse(responseCode = "400", description = "Unknown event or missing details")
    @APIResponse(responseCode = "409", description = "The shipment's state does not allow the event (body names it)")
    public ShipmentResponse shipmentEvent(@PathParam("id") long id, @PathParam("event") String event,
            @Valid FulfilmentEvent body) {
        String actor = caller.name();
        caller.location().ifPresent(own -> lists.checkShipmentAt(id, own)); // a warehouse acts on its own only
        return ShipmentResponse.from(progress.onShipment(id, event, body, actor));
    }
}
