package pe.telco.orders.followup;

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

/** The customer's satisfaction with an order; the authenticated caller is recorded as who recorded it. */
@Path("/api/orders/{id}/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up")
public class SatisfactionResource {

    @Inject
    Caller caller;

    private final FollowUpService service;

    SatisfactionResource(FollowUpService service) {
        this.service = service;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.CHANNEL})
    @POST
    @Operation(summary = "Record the customer's satisfaction (1-5); a low score opens a support ticket")
    @APIResponse(responseCode = "200", description = "The answered follow-up")
    @APIResponse(responseCode = "400", description = "Score missing or outside 1-5")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order has no follow-up due (not completed, or answered)")
    public FollowUpResponse satisfaction(@PathParam("id") long id, @Valid @NotNull SatisfactionRequest body) {
        String actor = caller.name();
        return FollowUpResponse.from(service.recordSatisfaction(id, body.score(), body.comment(), actor));
    }
}
