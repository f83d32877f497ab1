package pe.telco.orders.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.AuditSummaryService;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.common.Unprocessable;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.ruleset.CandidateService;
import pe.telco.orders.ruleset.RulesetActivation;
import pe.telco.orders.ruleset.RulesetResponse;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.UploadReport;
import pe.telco.orders.ruleset.schedule.ScheduledActivation;
import pe.telco.orders.ruleset.schedule.ScheduledActivations;
import pe.telco.orders.ruleset.tables.RulesetDiff;

/**
 * The rules pages: versions, upload (errors by file, sheet and cell), a version with its report and activation, a
 * decision table with how often each row fired, and the row-by-row diff of two versions.
 */
@Path("/console/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPages {

    /** A version as listed. */
    public record VersionRow(int version, String status, String kind, Integer baseVersion, String author,
            String comment, String hash, String createdAt, String activatedBy, String activatedAt) {

        static VersionRow of(RulesetResponse v) {
            return new VersionRow(v.version(), v.status(), v.status().toLowerCase(java.util.Locale.ROOT),
                    v.baseVersion(), v.author(), v.comment(), Views.shortHash(v.contentHash()),
                    Views.time(v.createdAt()), v.activatedBy(), Views.time(v.activatedAt()));
        }
    }

    /**
     * One activation or rollback as the history lists it; a scheduled one says for when and by whom;
     * {@code suiteOverride} and {@code suiteFailedCases} when an approver activated it although regression suite cases
     * failed.
     */
    public record ActivationRow(int version, Integer previous, String at, String by, String reason, boolean rollback,
            String scheduledFor, String scheduledBy, String suiteOverride, String suiteFailedCases) {

        static ActivationRow of(RulesetService.Activation a) {
            return new ActivationRow(a.version(), a.previous(), Views.time(a.activatedAt()), a.activatedBy(),
                    a.reason(), a.rollback(), a.scheduledFor() == null ? null : Views.time(a.scheduledFor()),
                    a.scheduledBy(), a.suiteOverride(), String.join(", ", a.suiteFailedCases()));
        }
    }

    /** A scheduled activation as the version page lists it, times in Lima. */
    public record ScheduleRow(long id, int version, String at, String state, String kind, String scheduledBy,
            String scheduledAt, String comment, String switchedAt, String failure, String cancelledBy,
            String cancelledAt, String cancelReason) {

        static ScheduleRow of(ScheduledActivation s) {
            return new ScheduleRow(s.getId(), s.getVersion(), Views.time(s.getSwitchAt()), s.getState().name(),
                    switch (s.getState()) {
                        case DONE -> "ok";
                        case FAILED -> "bad";
                        case PENDING -> "warn";
                        case CANCELLED -> "neutral";
                    }, s.getScheduledBy(), Views.time(s.getScheduledAt()), s.getComment(),
                    Views.time(s.getSwitchedAt()), s.getFailure(), s.getCancelledBy(), Views.time(s.getCancelledAt()),
                    s.getCancelReason());
        }
    }

    /**
     * The version page's scheduled activation: the form (when activating now would be allowed and nothing waits),
     * the schedule waiting with its cancel button, one waiting for another version, this version's past schedules,
     * and what the last form post did or why it was refused.
     */
    public record ScheduleView(boolean maySchedule, ScheduleRow pending, ScheduleRow otherPending, boolean mayCancel,
            List<ScheduleRow> history, String suggestedAt, boolean scheduled, boolean cancelled, List<String> errors) {
    }

    /** What the person looking at a version may do with it, or why not. */
    public record Activation(boolean allowed, boolean rollback, String refusal) {
    }

    /** One table as a business user sees it, with how often each row fired. */
    public record TableView(String file, String sheet, String name, List<Header> headers, List<RowView> rows) {
    }

    /** A column heading and its kind (condition, action, ...). */
    public record Header(String label, String kind) {
    }

    /** A file of a version; decision tables can be shown as tables. */
    public record FileRow(String name, int size, boolean table) {
    }

    /** One rule row: id, sentence, Excel row, its cells, and its firings in the period. */
    public record RowView(String id, String description, int excelRow, List<String> cells, long fired) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance versions(List<VersionRow> versions, List<Views.Problem> problems,
                String comment, boolean mayUpload, List<ActivationRow> history);

        static native TemplateInstance version(VersionRow version, String fullHash,
                List<FileRow> files, UploadReport report, boolean uploaded, Activation activation,
                int activeVersion, String error, boolean activated, boolean mayPreview,
                RulesetResponse.Withdrawal withdrawal, boolean mayWithdraw, ScheduleView schedule);

        static native TemplateInstance table(int version, String file, List<TableView> tables, String highlight);

        static native TemplateInstance diff(int from, int to, RulesetDiff.Diff diff);
    }

    private final RulesetService rulesets;
    private final CandidateService candidates;
    private final AuditSummaryService summaries;
    private final ConsoleContext console;
    private final ObjectMapper json;
    private final RulesetActivation activation;
    private final ScheduledActivations schedules;

    public RulesPages(RulesetService rulesets, CandidateService candidates, AuditSummaryService summaries,
            ConsoleContext console, ObjectMapper json, RulesetActivation activation, ScheduledActivations schedules) {
        this.activation = activation;
        this.schedules = schedules;
        this.rulesets = rulesets;
        this.candidates = candidates;
        this.summaries = summaries;
        this.console = console;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance versions() {
        return versionsPage(List.of(), "");
    }

    @POST
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm String comment) {
        List<RuleFile> ruleFiles = files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank())
                .map(RulesPages::read).toList();
        try {
            CandidateService.Candidate candidate = candidates.upload(
                    new CandidateService.Upload(ruleFiles, List.of(), console.user(), comment));
            return Response.seeOther(URI.create("/console/rules/" + candidate.version().getVersion() + "?uploaded=true"))
                    .build();
        } catch (RulesetInvalid e) {
            return refused(e.problems().stream().map(p -> Views.Problem.of(p.location(), p.message(console.lang())))
                    .toList(),
                    comment);
        } catch (InvalidInput e) {
            return refused(e.errors().stream().map(f -> Views.Problem.of(f.field(), f.message(console.lang())))
                    .toList(), comment);
        }
    }

    @GET
    @Path("/{version: \\d+}")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance version(@PathParam("version") int version, @QueryParam("uploaded") boolean uploaded,
            @QueryParam("activated") boolean activated, @QueryParam("scheduled") boolean scheduled,
            @QueryParam("cancelled") boolean cancelled) {
        return versionPage(version, uploaded, activated, null, scheduled, cancelled, List.of());
    }

    @POST
    @Path("/{version: \\d+}/activation")
    @RolesAllowed(Roles.RULE_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("version") int version, @RestForm String comment,
            @RestForm String suiteOverride) {
        try {
            activation.activate(version, console.user(), comment, suiteOverride);
            return Response.seeOther(URI.create("/console/rules/" + version + "?activated=true")).build();
        } catch (StateConflict e) {
            return Response.status(409).entity(versionPage(version, false, false, e.getMessage())).build();
        } catch (Unprocessable e) {
            if (!"suite-failing".equals(e.problemType())) {
                throw e;
            }
            return Response.status(422).entity(versionPage(version, false, false, e.getMessage())).build();
        }
    }

    /** An approver schedules the activation at a date and time in Lima ({@code at} as a date-time field sends it). */
    @POST
    @Path("/{version: \\d+}/activation-schedule")
    @RolesAllowed(Roles.RULE_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@PathParam("version") int version, @RestForm String at, @RestForm String comment) {
        try {
            schedules.schedule(version, ScheduledActivations.instant(at), console.user(), comment);
            return Response.seeOther(URI.create("/console/rules/" + version + "?scheduled=true")).build();
        } catch (InvalidInput e) {
            return scheduleRefused(400, version, e.errors().stream().map(f -> f.message(console.lang())).toList());
        } catch (StateConflict e) {
            return scheduleRefused(409, version, List.of(e.getMessage()));
        } catch (Unprocessable e) {
            return scheduleRefused(422, version, e.errors().isEmpty() ? List.of(e.getMessage())
                    : e.errors().stream().map(f -> f.field() + ": " + f.message(console.lang())).toList());
        }
    }

    /** An approver cancels the schedule waiting for this version, before its instant. */
    @POST
    @Path("/{version: \\d+}/activation-schedule/cancellation")
    @RolesAllowed(Roles.RULE_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelSchedule(@PathParam("version") int version, @RestForm String comment) {
        try {
            schedules.cancelPendingOf(version, console.user(), comment == null || comment.isBlank() ? null
                    : comment.strip());
            return Response.seeOther(URI.create("/console/rules/" + version + "?cancelled=true")).build();
        } catch (InvalidInput e) {
            return scheduleRefused(400, version, e.errors().stream().map(f -> f.message(console.lang())).toList());
        } catch (StateConflict | NotFound e) {
            return scheduleRefused(409, version, List.of(e.getMessage()));
        }
    }

    private Response scheduleRefused(int status, int version, List<String> errors) {
        return Response.status(status).entity(versionPage(version, false, false, null, false, false, errors)).build();
    }

    /** Its author withdraws a candidate: it stays listed, as withdrawn, and can never be activated. */
    @POST
    @Path("/{version: \\d+}/withdrawal")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("version") int version, @RestForm String comment) {
        try {
            rulesets.withdraw(version, console.user(), comment);
            return Response.seeOther(URI.create("/console/rules/" + version)).build();
        } catch (StateConflict e) {
            return Response.status(409).entity(versionPage(version, false, false, e.getMessage())).build();
        }
    }

    @GET
    @Path("/{version: \\d+}/tables/{file}")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance table(@PathParam("version") int version, @PathParam("file") String file,
            @QueryParam("row") String row) {
        RuleFile ruleFile = rulesets.file(version, file);
        var now = OperatorTime.local(java.time.OffsetDateTime.now());
        Map<String, Long> fired = summaries.firingsByRule(version, now.minusDays(30), null);
        List<TableView> tables = new ArrayList<>();
        for (DecisionTableReader.Table table : new DecisionTableReader().read(ruleFile, new ArrayList<>())) {
            List<DecisionTableReader.Column> columns = table.columns().stream()
                    .filter(c -> !c.keyword().equals("NAME") && !c.keyword().equals("DESCRIPTION")).toList();
            List<Header> headers = columns.stream().map(c -> new Header(c.label().isEmpty() ? c.letter() : c.label(),
                    c.keyword().toLowerCase(java.util.Locale.ROOT))).toList();
            List<RowView> rows = table.rows().stream().map(r -> new RowView(r.id(), r.description(), r.excelRow(),
                    columns.stream().map(c -> r.cells().getOrDefault(c.index(), "")).toList(),
                    fired.getOrDefault(r.id(), 0L))).toList();
            tables.add(new TableView(table.file(), table.sheet(), table.name(), headers, rows));
        }
        return console.page(Templates.table(version, ruleFile.name(), tables, row == null ? "" : row));
    }

    @GET
    @Path("/diff")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public Response chooseDiff(@QueryParam("from") int from, @QueryParam("to") int to) {
        return Response.seeOther(URI.create("/console/rules/" + from + "/diff/" + to)).build();
    }

    @GET
    @Path("/{from: \\d+}/diff/{to: \\d+}")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR})
    public TemplateInstance diff(@PathParam("from") int from, @PathParam("to") int to) {
        return console.page(Templates.diff(from, to, RulesetDiff.between(rulesets.files(from), rulesets.files(to))));
    }

    private Response refused(List<Views.Problem> problems, String comment) {
        return Response.status(422).entity(versionsPage(problems, comment == null ? "" : comment)).build();
    }

    private TemplateInstance versionsPage(List<Views.Problem> problems, String comment) {
        List<VersionRow> rows = rulesets.list(0, 100).items().stream().map(RulesetResponse::summary)
                .map(VersionRow::of).toList();
        List<ActivationRow> history = rulesets.activations(0, 50).items().stream().map(ActivationRow::of).toList();
        return console.page(Templates.versions(rows, problems, comment, console.has(Roles.RULE_AUTHOR), history));
    }

    private TemplateInstance versionPage(int number, boolean uploaded, boolean activated, String error) {
        return versionPage(number, uploaded, activated, error, false, false, List.of());
    }

    private TemplateInstance versionPage(int number, boolean uploaded, boolean activated, String error,
            boolean scheduled, boolean cancelled, List<String> scheduleErrors) {
        RulesetResponse v = RulesetResponse.detail(rulesets.find(number), rulesets.storedFiles(number), json);
        int active = rulesets.active().getVersion();
        List<FileRow> files = v.files().stream().map(f -> new FileRow(f.name(), f.size(),
                f.name().endsWith(".drl.xlsx"))).toList();
        TemplateInstance page = Templates.version(VersionRow.of(v), v.contentHash(), files, report(v.report()),
                uploaded, activation(v, active), active, error, activated,
                console.has(Roles.RULE_AUTHOR) || console.has(Roles.RULE_APPROVER), v.withdrawal(),
                v.status().equals("CANDIDATE") && v.author() != null && v.author().equalsIgnoreCase(console.user()),
                schedule(v, activation(v, active), scheduled, cancelled, scheduleErrors));
        // answered to a schedule form post: the language switch leads to the version, not to the form's address
        return scheduleErrors.isEmpty() ? console.page(page) : console.page(page, "/console/rules/" + number);
    }

    private ScheduleView schedule(RulesetResponse v, Activation activation, boolean scheduled, boolean cancelled,
            List<String> errors) {
        Optional<ScheduleRow> waiting = schedules.pending().map(ScheduleRow::of);
        ScheduleRow pending = waiting.filter(s -> s.version() == v.version()).orElse(null);
        ScheduleRow other = waiting.filter(s -> s.version() != v.version()).orElse(null);
        List<ScheduleRow> history = schedules.list(v.version(), 0, 20).items().stream().map(ScheduleRow::of)
                .filter(s -> !s.state().equals("PENDING")).toList();
        String tomorrow = LocalDate.now(OperatorTime.ZONE).plusDays(1).atStartOfDay().toString();
        return new ScheduleView(activation.allowed() && waiting.isEmpty(), pending, other,
                console.has(Roles.RULE_APPROVER), history, tomorrow, scheduled, cancelled, errors);
    }

    private Activation activation(RulesetResponse v, int active) {
        boolean rollback = v.status().equals("RETIRED");
        if (v.status().equals("ACTIVE")) {
            return new Activation(false, false, null);
        }
        if (v.status().equals("WITHDRAWN")) {
            return new Activation(false, false, "withdrawn");
        }
        if (!console.has(Roles.RULE_APPROVER)) {
            return new Activation(false, rollback, "role");
        }
        if (!rollback && v.author() != null && v.author().equalsIgnoreCase(console.user())) {
            return new Activation(false, false, "author");
        }
        if (!rollback && !Objects.equals(v.baseVersion(), active)) {
            return new Activation(false, false, "stale");
        }
        return new Activation(true, rollback, null);
    }

    private UploadReport report(JsonNode report) {
        try {
            return report == null ? null : json.treeToValue(report, UploadReport.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static RuleFile read(FileUpload upload) {
        try {
            String name = java.nio.file.Path.of(upload.fileName()).getFileName().toString();
            return new RuleFile(name, Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded file", e);
        }
    }
}
