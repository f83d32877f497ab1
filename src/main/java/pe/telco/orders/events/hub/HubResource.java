package pe.telco.orders.events.hub;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.events.EventResource;
import pe.telco.orders.events.EventsConfig;

/**
 * TMF622's hub: a channel registers a listener for its own orders' events (operations for every order's) and
 * removes it. Deliveries are signed with the secret shown once in the registration's answer.
 */
@Path(HubResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "TMF622 hub")
public class HubResource {

    static final String PATH = "/tmf-api/productOrderingManagement/v5/hub";

    @Inject
    Caller caller;

    private final HubService hub;
    private final EventsConfig config;

    HubResource(HubService hub, EventsConfig config) {
        this.hub = hub;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.CHANNEL, Roles.OPERATIONS})
    @Operation(summary = "Register a listener: callback (http or https, allowed by the operator) and an optional"
            + " query such as eventType=ProductOrderStateChangeEvent&state=pending")
    @APIResponse(responseCode = "201", description = "Registered; the answer carries the signing secret, once")
    @APIResponse(responseCode = "400", description = "Callback or query invalid (each field listed)")
    public Response register(HubRequest body) {
        requireEvents();
        if (body == null) {
            throw new InvalidInput("callback", "is required");
        }
        HubResponse registered = HubResponse.from(hub.register(body.callback(), body.query(), caller.channel(),
                caller.name()));
        return Response.created(URI.create(registered.href())).entity(registered).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CHANNEL, Roles.OPERATIONS})
    @Operation(summary = "Remove a listener (a channel only its own) and its undelivered events")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such listener of this caller")
    public void remove(@PathParam("id") String id) {
        requireEvents();
        hub.remove(id, caller.channel());
    }

    private void requireEvents() {
        if (!config.enabled()) {
            throw new NotFound(EventResource.SWITCHED_OFF);
        }
    }
}
