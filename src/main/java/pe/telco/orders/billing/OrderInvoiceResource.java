package pe.telco.orders.billing;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.OperatorTime;

/** The invoice of an order. */
@Path("/api/orders/{id}/invoice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing")
public class OrderInvoiceResource {

    private final BillingService billing;
    private final OperatorTime time;

    OrderInvoiceResource(BillingService billing, OperatorTime time) {
        this.billing = billing;
        this.time = time;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "The invoice of a completed or partial order")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = "No such order, or not invoiced yet (the detail says its state)")
    public InvoiceResponse ofOrder(@PathParam("id") long id) {
        return InvoiceResource.answer(billing, time, billing.ofOrder(id));
    }
}
