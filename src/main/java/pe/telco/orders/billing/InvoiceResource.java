package pe.telco.orders.billing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.OperatorTime;

/** HTTP face of invoices and payments; the authenticated caller is recorded as who recorded a payment. */
@Path("/api/invoices/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Billing")
public class InvoiceResource {

    @Inject
    Caller caller;

    private final BillingService billing;
    private final OperatorTime time;

    InvoiceResource(BillingService billing, OperatorTime time) {
        this.billing = billing;
        this.time = time;
    }

    @RolesAllowed({Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "An invoice with its lines, IGV inside the totals, payments and balance")
    public InvoiceResponse get(@PathParam("id") long id) {
        return answer(billing, time, billing.get(id));
    }

    @RolesAllowed(Roles.OPERATIONS)
    @POST
    @Path("/payments")
    @Operation(summary = "Record a payment; partial payments allowed, overpayment refused")
    @APIResponse(responseCode = "200", description = "The invoice after the payment")
    @APIResponse(responseCode = "400", description = "Invalid amount, currency or method")
    @APIResponse(responseCode = "409", description = "The invoice is already paid")
    @APIResponse(responseCode = "422", description = "The amount is more than the balance (type overpayment)")
    public InvoiceResponse pay(@PathParam("id") long id, @Valid @NotNull PaymentRequest body) {
        String actor = caller.name();
        return answer(billing, time, billing.pay(id, body.amount(), body.currency(), body.method(), actor));
    }

    static InvoiceResponse answer(BillingService billing, OperatorTime time, Invoice invoice) {
        return InvoiceResponse.from(invoice, billing.paymentsOf(invoice.getId()), time.now().toLocalDate());
    }
}
