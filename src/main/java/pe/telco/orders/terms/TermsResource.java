package pe.telco.orders.terms;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.Page;

/** HTTP face of the terms and conditions: {@code /api/terms}. */
@Path("/api/terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class TermsResource {

    private final TermsService terms;

    TermsResource(TermsService terms) {
        this.terms = terms;
    }

    @RolesAllowed(Roles.OPERATIONS)
    @PUT
    @Path("/{version}")
    @Operation(summary = "Publish or replace a version of the terms (idempotent)")
    @APIResponse(responseCode = "200", description = "The stored version")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed in errors; nothing stored")
    public TermsResponse put(
            @PathParam("version") @Pattern(regexp = Terms.VERSION_PATTERN, message = Terms.VERSION_MESSAGE)
            String version,
            @Valid @NotNull TermsRequest body) {
        return TermsResponse.from(terms.publish(version, body));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/current")
    @Operation(summary = "The version in effect today (America/Lima): the latest effectiveFrom on or before today")
    @APIResponse(responseCode = "200", description = "The version channels show and customers accept")
    @APIResponse(responseCode = "404", description = "No version is in effect yet")
    public TermsResponse current() {
        return TermsResponse.from(terms.current());
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Path("/{version}")
    @Operation(summary = "Read a version of the terms")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version")
    public TermsResponse get(
            @PathParam("version") @Pattern(regexp = Terms.VERSION_PATTERN, message = Terms.VERSION_MESSAGE)
            String version) {
        return TermsResponse.from(terms.get(version));
    }

    @RolesAllowed({Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.APPROVER,
            Roles.OPERATIONS, Roles.AUDITOR})
    @GET
    @Operation(summary = "List the versions, the latest effectiveFrom first")
    @APIResponse(responseCode = "200", description = "One page of versions")
    public Page<TermsResponse> list(@QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return terms.list(paging.page(), paging.size()).map(TermsResponse::from);
    }
}
