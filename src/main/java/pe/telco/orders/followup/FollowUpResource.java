package pe.telco.orders.followup;

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

/** Satisfaction follow-ups. */
@Path("/api/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up")
public class FollowUpResource {

    private final FollowUpService service;

    FollowUpResource(FollowUpService service) {
        this.service = service;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @GET
    @Operation(summary = "Satisfaction follow-ups, newest first; state=DUE for those still to contact")
    public Page<FollowUpResponse> followUps(@QueryParam("state") String state, @QueryParam("orderId") Long orderId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return service.search(state, orderId, paging.page(), paging.size()).map(FollowUpResponse::from);
    }
}
