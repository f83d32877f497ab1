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

/** The work orders of an order. */
@Path("/api/orders/{id}/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class OrderWorkOrdersResource {

    private final FulfilmentService fulfilment;

    OrderWorkOrdersResource(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR})
    @GET
    @Operation(summary = "The work orders of an order (one per service item)")
    public List<WorkOrderResponse> workOrders(@PathParam("id") long id) {
        return fulfilment.workOrdersOf(id).stream().map(WorkOrderResponse::from).toList();
    }
}
