package pe.telco.orders.ruleset.shadow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.Page;

/** Shadow runs over HTTP: put a candidate in shadow, end it, read what it found. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class ShadowResource {

    /** Why the run starts or ends. */
    public record ShadowRequest(String comment) {

        String checked() {
            if (comment != null && comment.length() > 1000) {
                throw new InvalidInput("comment", "must be at most 1000 characters");
            }
            return comment == null || comment.isBlank() ? null : comment.strip();
        }
    }

    private final ShadowTraffic traffic;
    private final ShadowService shadows;
    private final Caller caller;

    public ShadowResource(ShadowTraffic traffic, ShadowService shadows, Caller caller) {
        this.traffic = traffic;
        this.shadows = shadows;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/{version: \\d+}/shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a candidate in shadow: it also decides every live evaluation, after it commits")
    @APIResponse(responseCode = "201", description = "The run, with Location")
    @APIResponse(responseCode = "409", description = "Not a candidate, developer code not yet approved, or another"
            + " shadow run is on")
    public Response start(@PathParam("version") int version, ShadowRequest request, UriInfo uri) {
        String comment = request == null ? null : request.checked();
        ShadowRun run = traffic.start(version, caller.name(), comment);
        return Response.created(uri.getBaseUriBuilder().path("/api/rulesets/shadows/" + run.id).build())
                .entity(shadows.describe(run.id)).build();
    }

    @POST
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/shadows/{id: \\d+}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a shadow run")
    @APIResponse(responseCode = "409", description = "The run has ended already")
    public ShadowResponse.Run end(@PathParam("id") long id, ShadowRequest request) {
        String comment = request == null ? null : request.checked();
        traffic.end(id, caller.name(), comment == null ? "ended by " + caller.name() : comment);
        return shadows.describe(id);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/shadows")
    @Operation(summary = "Shadow runs, newest first")
    public Page<ShadowResponse.Run> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return shadows.list(paging.page(), paging.size());
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/shadows/{id: \\d+}")
    @Operation(summary = "A shadow run: counts, decision transitions and the rules behind them")
    public ShadowResponse.Run get(@PathParam("id") long id) {
        return shadows.describe(id);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/shadows/{id: \\d+}/differences")
    @Operation(summary = "Live evaluations the candidate decided otherwise, newest first (decisionChanged filters)")
    public Page<ShadowResponse.Difference> differences(@PathParam("id") long id,
            @QueryParam("decisionChanged") String decisionChanged, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return shadows.differences(id, flag(decisionChanged), paging.page(), paging.size());
    }

    private static Boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidInput("decisionChanged", "must be true or false");
        }
        return Boolean.valueOf(value);
    }
}
