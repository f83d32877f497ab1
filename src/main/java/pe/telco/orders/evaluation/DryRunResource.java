package pe.telco.orders.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.order.OrderRequest;

/** Tries an order body against the active rules without storing anything (what would happen now). */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation")
public class DryRunResource {

    private final DryRun dryRun;
    private final OperatorTime time;
    private final Caller caller;

    public DryRunResource(DryRun dryRun, OperatorTime time, Caller caller) {
        this.dryRun = dryRun;
        this.time = time;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR})
    @Operation(summary = "Decide an order body as it would be decided now; nothing is stored, no stock reserved")
    public EvaluationResponse tryOut(OrderRequest request) {
        EvaluationResponse answer = EvaluationResponse.dryRun(dryRun.tryOut(request), time.now());
        return caller.seesDecisionInternals() ? answer : answer.forChannel();
    }
}
