package pe.telco.orders.ruleset.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.record.SnapshotReader;

/** Impact previews over HTTP: start one for a version, poll it, cancel it. */
@Path("/api/rulesets")
public class ImpactResource {

    /** {@code { "last": 1000 }} or {@code { "from": "...", "to": "..." }} (evaluation times, with offset). */
    public record ImpactRequest(Integer last, OffsetDateTime from, OffsetDateTime to) {
    }

    /** A job as answered: state, progress and, once done, the report. */
    public record ImpactResponse(long id, int candidateVersion, int baselineVersion, String state, Integer last,
            OffsetDateTime from, OffsetDateTime to, int total, int processed, int changed, int failed,
            boolean cancelRequested, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error, JsonNode report) {

        public static ImpactResponse of(ImpactJob j, ObjectMapper json) {
            JsonNode report;
            try {
                report = j.result == null ? null : json.readTree(j.result);
            } catch (java.io.IOException e) {
                report = null;
            }
            return new ImpactResponse(j.id, j.candidateVersion, j.baselineVersion, j.state.name(), j.lastN, j.from,
                    j.to, j.total, j.processed, j.changed, j.failed, j.cancelRequested, j.requestedBy,
                    j.requestedAt, j.startedAt, j.finishedAt, j.error, report);
        }
    }

    private final ImpactService impact;
    private final ObjectMapper json;

    @Inject
    Caller caller;

    public ImpactResource(ImpactService impact, ObjectMapper json) {
        this.impact = impact;
        this.json = json;
    }

    @POST
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER})
    @Path("/{version: \\d+}/impact")
    public Response request(@PathParam("version") int version, ImpactRequest request, UriInfo uri) {
        String user = caller.name();
        ImpactRequest r = request == null ? new ImpactRequest(null, null, null) : request;
        ImpactJob job = impact.request(version, new SnapshotReader.Selection(r.last(), r.from(), r.to()), user);
        return Response.accepted(ImpactResponse.of(impact.find(job.id), json))
                .location(uri.getBaseUriBuilder().path("/api/rulesets/impact/" + job.id).build()).build();
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/impact/{id}")
    public ImpactResponse get(@PathParam("id") long id) {
        return ImpactResponse.of(impact.find(id), json);
    }

    @DELETE
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER})
    @Path("/impact/{id}")
    public Response cancel(@PathParam("id") long id) {
        return Response.accepted(ImpactResponse.of(impact.cancel(id), json)).build();
    }
}
