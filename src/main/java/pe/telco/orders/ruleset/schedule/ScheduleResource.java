package pe.telco.orders.ruleset.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.Page;

/**
 * Scheduled activations over HTTP: a rule approver schedules a version to go live at an instant (Lima) and may cancel
 * it until then; everyone who reads rulesets reads the schedules and how they ended.
 */
@Path("/api/rulesets")
public class ScheduleResource {

    private final ScheduledActivations schedules;
    private final Caller caller;
    private final ObjectMapper json;

    public ScheduleResource(ScheduledActivations schedules, Caller caller, ObjectMapper json) {
        this.schedules = schedules;
        this.caller = caller;
        this.json = json;
    }

    /** {@code at}: ISO 8601 with offset, or a date and time read in Lima; {@code comment}: why. */
    public record ScheduleRequest(String at, String comment) {
    }

    /** Why a schedule is cancelled (optional). */
    public record CancelRequest(String comment) {
    }

    @POST
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/{version: \\d+}/activation-schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(@PathParam("version") int version, ScheduleRequest request, UriInfo uri) {
        ScheduledActivation scheduled = schedules.schedule(version,
                ScheduledActivations.instant(request == null ? null : request.at()), caller.name(),
                request == null ? null : request.comment());
        return Response.created(uri.getBaseUriBuilder().path("/api/rulesets/activation-schedules/" + scheduled.getId())
                .build()).entity(ScheduleResponse.of(scheduled)).build();
    }

    /** The schedule waiting for this version, if any (404 if none). */
    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/{version: \\d+}/activation-schedule")
    public ScheduleResponse pending(@PathParam("version") int version) {
        return schedules.pendingOf(version).map(ScheduleResponse::of).orElseThrow(() -> new NotFound(
                "Waiting activation schedule of ruleset version", version));
    }

    /** Cancels the schedule waiting for this version; an optional body {@code { "comment": "why" }}. */
    @DELETE
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/{version: \\d+}/activation-schedule")
    public ScheduleResponse cancelPending(@PathParam("version") int version, String body) {
        return ScheduleResponse.of(schedules.cancelPendingOf(version, caller.name(), comment(body)));
    }

    /** Every schedule, newest first ({@code ?version=} for one version's), with how each ended. */
    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/activation-schedules")
    public Page<ScheduleResponse> list(@QueryParam("version") String version, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        Integer only = version == null || version.isBlank() ? null : Page.parse(version, 0, "version");
        return schedules.list(only, paging.page(), paging.size()).map(ScheduleResponse::of);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/activation-schedules/{id: \\d+}")
    public ScheduleResponse get(@PathParam("id") long id) {
        return ScheduleResponse.of(schedules.find(id));
    }

    @DELETE
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/activation-schedules/{id: \\d+}")
    public ScheduleResponse cancel(@PathParam("id") long id, String body) {
        return ScheduleResponse.of(schedules.cancel(id, caller.name(), comment(body)));
    }

    /** A DELETE may come without a body (nor a content type); when there is one, it is {@code { "comment" }}. */
    private String comment(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        CancelRequest request;
        try {
            request = json.readValue(body, CancelRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "must be JSON: { \"comment\": \"why\" }");
        }
        return request == null || request.comment() == null || request.comment().isBlank() ? null
                : request.comment().strip();
    }
}
