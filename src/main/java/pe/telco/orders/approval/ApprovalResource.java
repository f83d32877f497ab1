package pe.telco.orders.approval;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.Page;

/** The review queue: orders held for a person. */
@Path("/api/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ApprovalResource {

    private final ApprovalService service;

    ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR})
    @GET
    @Operation(summary = "Orders waiting for a person (pending), oldest first, with the reasons they were held")
    public Page<PendingOrderResponse> pending(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return service.pending(paging.page(), paging.size());
    }
}
