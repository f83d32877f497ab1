package pe.telco.orders.events.hub;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Roles;

/** Operations see the deliveries listeners never accepted, and send them again once the listener is back. */
@Path("/api/events/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATIONS)
@Tag(name = "Events")
public class DeadLetterResource {

    private final HubService hub;

    DeadLetterResource(HubService hub) {
        this.hub = hub;
    }

    @GET
    @Operation(summary = "Deliveries given up after the allowed attempts, oldest first; their listeners are paused")
    public List<HubService.DeadLetter> deadLetters() {
        return hub.deadLetters();
    }

    @POST
    @Path("/{id}/redelivery")
    @Operation(summary = "Queue a dead letter again and resume its listener: it and the later events go out in order")
    public Map<String, Object> redeliver(@PathParam("id") long id) {
        hub.redeliver(id);
        return Map.of("id", id, "state", "PENDING");
    }
}
