package pe.telco.orders.approval;

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

/** A person approves or declines a held order; the authenticated caller is recorded as the reviewer. */
@Path("/api/orders/{id}/approval")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class OrderApprovalResource {

    @Inject
    Caller caller;

    private final ApprovalService service;

    OrderApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @RolesAllowed(Roles.APPROVER)
    @POST
    @Operation(summary = "Approve (release: stock reserved again, work created) or decline (rejected) a pending order")
    @APIResponse(responseCode = "200", description = "The decision and the order's new state")
    @APIResponse(responseCode = "400", description = "approved missing")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is not pending, or its stock is gone (it stays pending)")
    public ApprovalResponse decide(@PathParam("id") long id, @Valid @NotNull ApprovalRequest body) {
        String reviewer = caller.name();
        return service.decide(id, body.approved(), body.comment(), reviewer);
    }
}
