package pe.telco.orders.billing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import pe.telco.orders.common.IdempotencyKeys;
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

    @Inject
    IdempotencyKeys keys;

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
    @APIResponse(responseCode = "422", description = "The amount is more than the balance (type overpayment), or an"
            + " Idempotency-Key was sent again with another payment (type idempotency-key-reused)")
    public Response pay(@PathParam("id") long id, @Valid @NotNull PaymentRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String actor = caller.name();
        String key = IdempotencyKeys.checked(idempotencyKey);
        if (key == null) {
            return Response.ok(answer(billing, time, billing.pay(id, body.amount(), body.currency(), body.method(),
                    actor))).build();
        }
        String scope = "payments:" + actor + ":" + id;
        var previous = keys.previous(scope, key, body);
        if (previous.isPresent()) {
            return replay(previous.get());
        }
        try {
            return Response.ok(QuarkusTransaction.requiringNew().call(() -> {
                InvoiceResponse paid = answer(billing, time, billing.pay(id, body.amount(), body.currency(),
                        body.method(), actor));
                keys.remember(scope, key, body, 200, null, paid);
                return paid;
            })).build();
        } catch (RuntimeException e) {
            // a retry that raced the first one: its payment was rolled back with it; answer what the first got
            var winner = QuarkusTransaction.requiringNew().call(() -> keys.previous(scope, key, body));
            if (winner.isPresent()) {
                return replay(winner.get());
            }
            throw e;
        }
    }

    private static Response replay(IdempotencyKeys.Answer answer) {
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    static InvoiceResponse answer(BillingService billing, OperatorTime time, Invoice invoice) {
        return InvoiceResponse.from(invoice, billing.paymentsOf(invoice.getId()), time.now().toLocalDate());
    }
}
