package pe.telco.orders.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.Attachment;
import pe.telco.orders.common.Page;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.ruleset.tables.RulesetDiff;

/**
 * Rulesets over HTTP: upload a candidate, read versions and their exact files, compare two versions, activate one.
 * The author and the activator are the authenticated caller; a version is never activated by its own author.
 */
@Path("/api/rulesets")
public class RulesetResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RulesetService rulesets;
    private final CandidateService candidates;
    private final RulesetActivation activation;
    private final ObjectMapper json;
    private final Caller caller;
    private final SecurityIdentity identity;

    public RulesetResource(RulesetService rulesets, CandidateService candidates, RulesetActivation activation,
            ObjectMapper json, Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
        this.rulesets = rulesets;
        this.candidates = candidates;
        this.activation = activation;
        this.json = json;
    }

    /** Parts: any number of files (any field name), {@code remove} (repeatable), {@code comment}. */
    @POST
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm List<String> remove,
            @RestForm String comment, UriInfo uri) {
        List<RuleFile> ruleFiles = files.stream().map(RulesetResource::read).toList();
        CandidateService.Candidate candidate = candidates.upload(new CandidateService.Upload(ruleFiles,
                remove == null ? List.of() : remove.stream().filter(r -> !r.isBlank()).toList(),
                caller.name(), comment, identity.hasRole(Roles.RULE_DEVELOPER)));
        int version = candidate.version().getVersion();
        return Response.created(uri.getBaseUriBuilder().path("/api/rulesets/" + version).build())
                .entity(RulesetResponse.detail(candidate.version(), rulesets.storedFiles(version), json)).build();
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    public Page<RulesetResponse> list(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return rulesets.list(paging.page(), paging.size()).map(RulesetResponse::summary);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/active")
    public RulesetResponse activeVersion() {
        RulesetVersion version = rulesets.active();
        return RulesetResponse.detail(version, rulesets.storedFiles(version.getVersion()), json);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/{version: \\d+}")
    public RulesetResponse get(@PathParam("version") int version) {
        return RulesetResponse.detail(rulesets.find(version), rulesets.storedFiles(version), json);
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/{version: \\d+}/files/{name}")
    public Response file(@PathParam("version") int version, @PathParam("name") String name) {
        RuleFile file = rulesets.file(version, name);
        return Response.ok(file.content(), file.isDecisionTable() || file.isSuite() ? XLSX
                        : "text/plain; charset=UTF-8")
                .header("Content-Disposition", Attachment.disposition(file.name()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/{from: \\d+}/diff/{to: \\d+}")
    public RulesetDiff.Diff diff(@PathParam("from") int from, @PathParam("to") int to) {
        return RulesetDiff.between(rulesets.files(from), rulesets.files(to));
    }

    /** The author withdraws a candidate ({@code { "comment": "why" }}); it stays in the record as WITHDRAWN. */
    @POST
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER})
    @Path("/{version: \\d+}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public RulesetResponse withdraw(@PathParam("version") int version, ActivationRequest request) {
        RulesetVersion withdrawn = rulesets.withdraw(version, caller.name(),
                request == null ? null : request.comment());
        return RulesetResponse.detail(withdrawn, rulesets.storedFiles(version), json);
    }

    /** Every activation and rollback, newest first: version, the one it replaced, who, when, why. */
    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER, Roles.AUDITOR})
    @Path("/activations")
    public Page<RulesetService.Activation> activations(@QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return rulesets.activations(paging.page(), paging.size());
    }

    /** Body {@code { "comment": "..." }}; the activator is the authenticated caller. */
    @POST
    @RolesAllowed(Roles.RULE_APPROVER)
    @Path("/{version: \\d+}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    public RulesetResponse activate(@PathParam("version") int version, ActivationRequest request) {
        RulesetVersion activated = activation.activate(version, caller.name(),
                request == null ? null : request.comment(), request == null ? null : request.suiteOverride());
        return RulesetResponse.detail(activated, rulesets.storedFiles(version), json);
    }

    /**
     * Why a version is activated (or rolled back to); {@code suiteOverride}: why it goes live although regression
     * suite cases fail (needed only then, recorded with the activation).
     */
    public record ActivationRequest(String comment, String suiteOverride) {
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
