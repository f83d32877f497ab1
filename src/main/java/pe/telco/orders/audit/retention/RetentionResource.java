package pe.telco.orders.audit.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;

/** Retention runs on the audit record: requested by one person, approved (and so applied) by another. */
@Path("/api/audit/retention-runs")
@RolesAllowed({Roles.AUDITOR, Roles.OPERATIONS})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class RetentionResource {

    @Inject
    Caller caller;

    private final RetentionService service;

    public RetentionResource(RetentionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Retention runs, newest first: who requested and approved each, what it did")
    public List<RetentionRun> runs() {
        return service.runs();
    }

    @GET
    @Path("/months")
    @Operation(summary = "The record's monthly partitions, and which months retention may be run on now")
    public List<RetentionService.MonthStatus> months() {
        return service.months();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One retention run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RetentionRun run(@PathParam("id") long id) {
        return service.run(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a retention run on a month old enough; a different person must approve it")
    @APIResponse(responseCode = "201", description = "Requested")
    @APIResponse(responseCode = "400", description = "Month not as YYYY-MM, too recent, or reason missing")
    @APIResponse(responseCode = "409", description = "Retention is off, or a run on that month is already open")
    public Response request(@Valid @NotNull RetentionRequests.Run body) {
        RetentionRun run = service.request(body.month(), body.reason(), caller.name());
        return Response.created(URI.create("/api/audit/retention-runs/" + run.id())).entity(run).build();
    }

    @POST
    @Path("/{id}/approval")
    @Operation(summary = "Approve a run someone else requested: its month's personal data is pseudonymised now, "
            + "orders under legal hold excepted, and the run is sealed")
    @APIResponse(responseCode = "200", description = "Applied: counts, digest and hash of the run")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "Requested by the same person, already applied, or the month's "
            + "record no longer matches its seals")
    public RetentionRun approve(@PathParam("id") long id) {
        return service.approve(id, caller.name());
    }
}
