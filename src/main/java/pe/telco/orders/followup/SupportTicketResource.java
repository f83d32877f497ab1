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

/** Support tickets with their scheduled contact. */
@Path("/api/support-tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up")
public class SupportTicketResource {

    private final FollowUpService service;

    SupportTicketResource(FollowUpService service) {
        this.service = service;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @GET
    @Operation(summary = "Support tickets with their scheduled contact, newest first")
    public Page<SupportTicketResponse> tickets(@QueryParam("orderId") Long orderId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return service.tickets(orderId, paging.page(), paging.size()).map(SupportTicketResponse::from);
    }
}
