package pe.telco.orders.approval;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person approves or declines a held order; {@code X-Actor} names the reviewer. */
@Path("/api/orders/{id}/approval")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class OrderApprovalResource {

    private final ApprovalService service;

    OrderApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Approve (release: stock reserved again, work created) or decline (rejected) a pending order")
    @APIResponse(responseCode = "200", description = "The decision and the order's new state")
    @APIResponse(responseCode = "400", description = "approved missing")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is not pending, or its stock is gone (it stays pending)")
    public ApprovalResponse decide(@PathParam("id") long id, @Valid @NotNull ApprovalRequest body,
            @HeaderParam("X-Actor") @DefaultValue("back-office") String reviewer) {
        return service.decide(id, body.approved(), body.comment(), reviewer);
    }
}
