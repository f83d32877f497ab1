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

/** Work order events as the field teams report them; the authenticated caller is recorded as who. */
@Path("/api/work-orders/{id}/{event}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class WorkOrderResource {

    @Inject
    Caller caller;

    private final ProgressService progress;

    WorkOrderResource(ProgressService progress) {
        this.progress = progress;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.FIELD_SERVICE})
    @POST
    @Operation(summary = "Report a work order event: start, completion (technician, lineOrEquipmentId), failure, "
            + "reschedule (appointmentOn, slot), final-failure")
    @APIResponse(responseCode = "200", description = "The work order after the event")
    @APIResponse(responseCode = "400", description = "Unknown event or missing details")
    @APIResponse(responseCode = "409", description = "The work order's state does not allow the event")
    public WorkOrderResponse workOrderEvent(@PathParam("id") long id, @PathParam("event") String event,
            @Valid FulfilmentEvent body) {
        String actor = caller.name();
        return WorkOrderResponse.from(progress.onWorkOrder(id, event, body, actor));
    }
}
