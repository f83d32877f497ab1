package pe.telco.orders.ruleset.whatif;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.InvalidInput;

/** What-if over HTTP: load a stored evaluation's facts (or a blank order), edit them, run them on versions. */
@Path("/api/what-if")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
@Tag(name = "What-if")
public class WhatIfResource {

    private final WhatIfService whatIf;

    public WhatIfResource(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @GET
    @Path("/evaluations/{id: \\d+}")
    @Operation(summary = "A stored evaluation's frozen facts as an editable scenario, with what was decided")
    @APIResponse(responseCode = "404", description = "No such evaluation")
    public WhatIf.Start fromEvaluation(@PathParam("id") long id) {
        return whatIf.fromEvaluation(id);
    }

    @GET
    @Path("/blank")
    @Operation(summary = "A blank order (new customer, no items) to build a scenario from")
    public WhatIf.Start blank() {
        return whatIf.blank();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a scenario under one or two versions (active, candidate, past); nothing is stored")
    @APIResponse(responseCode = "200", description = "Each version's decision, reasons, fired rows and why-not")
    @APIResponse(responseCode = "400", description = "A fact or version is invalid (each field named)")
    @APIResponse(responseCode = "409", description = "A developer's candidate that runs nothing before activation")
    @APIResponse(responseCode = "429", description = "Every sandbox is busy (a candidate runs in one)")
    public WhatIf.Response run(WhatIf.Request request, @QueryParam("lang") String lang) {
        if (lang != null && !lang.equals("es") && !lang.equals("en")) {
            throw new InvalidInput("lang", "must be es or en");
        }
        return whatIf.run(request, lang == null ? "en" : lang);
    }
}
