package pe.telco.orders.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.record.StoredDecision;

/** Decide an order (stored) and read its latest decision. */
@Path("/api/orders/{id}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class EvaluationResource {

    private final EvaluationService service;
    private final Caller caller;

    public EvaluationResource(EvaluationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CHANNEL)
    @Operation(summary = "Evaluate an acknowledged order: RELEASED → inProgress, HELD → pending, REJECTED → rejected")
    @APIResponse(responseCode = "200", description = "The decision, its reasons and the rules that fired")
    @APIResponse(responseCode = "409", description = "The order is not acknowledged (the body names its state)")
    @APIResponse(responseCode = "422", description = "The rules failed on this order (the rule is named); nothing changed")
    public EvaluationResponse evaluate(@PathParam("id") long id) {
        return visible(EvaluationResponse.from(service.evaluate(id, caller.name(), caller.channel().orElse(null))));
    }

    @GET
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(summary = "The latest evaluation of an order")
    public EvaluationResponse latest(@PathParam("id") long id) {
        StoredDecision latest = service.latest(id);
        caller.checkMayRead(latest.evaluation().getChannel(), id);
        return visible(EvaluationResponse.from(latest));
    }

    /** A channel reads the decision without its internals. */
    private EvaluationResponse visible(EvaluationResponse full) {
        return caller.seesDecisionInternals() ? full : full.forChannel();
    }
}
