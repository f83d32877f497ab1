package pe.telco.orders.audit.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.review.Explainer;
import pe.telco.orders.audit.review.Explanation;
import pe.telco.orders.audit.review.ReplayReport;
import pe.telco.orders.audit.review.Replayer;

/** Why an evaluation decided what it did, and proof that its stored facts and rules decide it the same way again. */
@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class DecisionReviewResource {

    private final Explainer explainer;
    private final Replayer replayer;

    public DecisionReviewResource(Explainer explainer, Replayer replayer) {
        this.explainer = explainer;
        this.replayer = replayer;
    }

    @GET
    @Path("/evaluations/{id}/explanation")
    @Operation(summary = "Per check: the row that decided and the facts it matched; the nearest rows that did not fire"
            + " and each failing condition evaluated on the stored facts")
    public Explanation explanation(@PathParam("id") long id) {
        return explainer.explain(id);
    }

    @POST
    @Path("/evaluations/{id}/replay")
    @Operation(summary = "Re-run the stored facts on the stored ruleset version; identical, or every difference")
    public ReplayReport replay(@PathParam("id") long id) {
        return replayer.replay(id);
    }
}
