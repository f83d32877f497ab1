package pe.telco.orders.fulfilment;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The shipments of an order. */
@Path("/api/orders/{id}/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class OrderShipmentsResource {

    private final FulfilmentService fulfilment;

    OrderShipmentsResource(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR})
    @GET
    @Operation(summary = "The shipments of an order (one per device item)")
    public List<ShipmentResponse> shipments(@PathParam("id") long id) {
        return fulfilment.shipmentsOf(id).stream().map(ShipmentResponse::from).toList();
    }
}
