package pe.telco.orders.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.access.Roles;
import pe.telco.orders.audit.AuditQueries;
import pe.telco.orders.audit.AuditService;
import pe.telco.orders.audit.ChainVerification;
import pe.telco.orders.audit.ChainVerifier;
import pe.telco.orders.audit.EvaluationFilter;
import pe.telco.orders.audit.EvaluationListItem;
import pe.telco.orders.audit.EvaluationRecord;
import pe.telco.orders.audit.RuleFiringItem;
import pe.telco.orders.audit.review.Explainer;
import pe.telco.orders.audit.review.Explanation;
import pe.telco.orders.audit.review.ReplayReport;
import pe.telco.orders.audit.review.Replayer;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.Page;

/**
 * The auditor's pages: search evaluations with the API's filters (and export the same search as CSV), and one
 * evaluation with its reasons, fired rows, facts, explanation, replay and seal.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    /** The search form as filled in. */
    public record Search(String from, String to, String decision, String channel, String check, String reasonCode,
            String ruleId, String rulesetVersion, String orderNumber, String customerDocument, int page) {

        public int previous() {
            return page - 1;
        }

        /** The next page's index, which is also this page's number counted from 1. */
        public int next() {
            return page + 1;
        }
    }

    /** A result of the evaluation: check, outcome, reason code and message. */
    public record Result(String check, String outcome, String kind, String code, String message, String product,
            String rule) {
    }

    /** A firing, with where its row is shown in the console when it is a table row. */
    public record Fired(RuleFiringItem firing, String tableLink) {
    }

    /** Where the evaluation sits in the hash chain, and whether its link verifies. */
    public record SealView(boolean sealed, long seq, String hash, String sealedAt, boolean verified, boolean valid,
            String brokenReason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Search search, List<EvaluationListItem> items, long total,
                int pages, String query, String csvLink, String error);

        static native TemplateInstance evaluation(EvaluationRecord record, String evaluatedAt, String kind,
                List<Result> reasons, List<Result> results, List<Fired> fired, FactSheet facts,
                Explanation explanation, ReplayReport replay, SealView seal, boolean mayReplay);
    }

    private final AuditQueries queries;
    private final AuditService audit;
    private final Explainer explainer;
    private final Replayer replayer;
    private final ChainVerifier verifier;
    private final ConsoleContext console;
    private final HttpServerRequest request;

    public AuditPages(AuditQueries queries, AuditService audit, Explainer explainer, Replayer replayer,
            ChainVerifier verifier, ConsoleContext console, HttpServerRequest request) {
        this.queries = queries;
        this.audit = audit;
        this.explainer = explainer;
        this.replayer = replayer;
        this.verifier = verifier;
        this.console = console;
        this.request = request;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    public Response search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("decision") String decision, @QueryParam("channel") String channel,
            @QueryParam("check") String check, @QueryParam("reasonCode") String reasonCode,
            @QueryParam("ruleId") String ruleId, @QueryParam("rulesetVersion") String rulesetVersion,
            @QueryParam("orderNumber") String orderNumber, @QueryParam("customerDocument") String customerDocument,
            @QueryParam("page") @DefaultValue("0") int page) {
        Search search = new Search(text(from), text(to), text(decision), text(channel), text(check),
                text(reasonCode), text(ruleId), text(rulesetVersion), text(orderNumber), text(customerDocument),
                Math.max(0, page));
        String query = query();
        String csv = "/api/audit/evaluations/export" + (query.isEmpty() ? "" : "?" + query);
        try {
            EvaluationFilter filter = EvaluationFilter.of(from, to, decision, channel, check, reasonCode, ruleId,
                    version(rulesetVersion), null, orderNumber, customerDocument);
            Page<EvaluationListItem> found = queries.evaluations(filter, AuditQueries.Sort.NEWEST, search.page(), 20);
            int pages = (int) Math.max(1, (found.total() + 19) / 20);
            return Response.ok(console.page(Templates.search(search, found.items(), found.total(), pages, query, csv,
                    null))).build();
        } catch (InvalidInput e) {
            String message = e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
            return Response.status(400).entity(console.page(Templates.search(search, List.of(), 0, 1, query, csv,
                    message))).build();
        }
    }

    @GET
    @Path("/evaluations/{id: \\d+}")
    @RolesAllowed({Roles.AUDITOR, Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.APPROVER})
    public TemplateInstance evaluation(@PathParam("id") long id) {
        return evaluationPage(id, null);
    }

    @POST
    @Path("/evaluations/{id: \\d+}/replay")
    @RolesAllowed(Roles.AUDITOR)
    public TemplateInstance replay(@PathParam("id") long id) {
        return evaluationPage(id, replayer.replay(id));
    }

    /** The latest evaluation of an order (impact previews list orders). */
    @GET
    @Path("/orders/{orderId: \\d+}")
    @RolesAllowed({Roles.AUDITOR, Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.APPROVER})
    public Response latestOfOrder(@PathParam("orderId") long orderId) {
        EvaluationFilter filter = EvaluationFilter.of(null, null, null, null, null, null, null, null, orderId, null,
                null);
        List<EvaluationListItem> latest = queries.evaluations(filter, AuditQueries.Sort.NEWEST, 0, 1).items();
        if (latest.isEmpty()) {
            throw new NotFound("Evaluation of order", orderId);
        }
        return Response.seeOther(URI.create("/console/audit/evaluations/" + latest.get(0).id())).build();
    }

    private TemplateInstance evaluationPage(long id, ReplayReport replay) {
        EvaluationRecord record = audit.record(id);
        List<Result> results = results(record.results());
        List<Fired> fired = record.firings().stream().map(f -> new Fired(f, f.sheet() == null ? null
                : "/console/rules/" + f.rulesetVersion() + "/tables/" + f.source() + "?row=" + f.ruleId()
                        + "#row-" + f.ruleId())).toList();
        return console.page(Templates.evaluation(record, Views.time(record.evaluatedAt()),
                Views.kind(record.decision()), results.stream().filter(r -> !r.outcome().equals("PASS")).toList(),
                results, fired, FactSheet.of(record.facts(), console.messages()), explainer.explain(id, console.lang()),
                replay, seal(record),
                console.has(Roles.AUDITOR)));
    }

    private SealView seal(EvaluationRecord record) {
        EvaluationRecord.Seal seal = record.seal();
        if (seal == null) {
            return new SealView(false, 0, "", "", false, false, null);
        }
        ChainVerification check = verifier.verifyLinks(seal.sealedAt(), seal.sealedAt().plusNanos(1_000));
        return new SealView(true, seal.seq(), seal.hash(), Views.time(seal.sealedAt()), check.checked() > 0,
                check.valid(), check.firstBroken() == null ? null : check.firstBroken().reason());
    }

    private static List<Result> results(JsonNode results) {
        List<Result> list = new ArrayList<>();
        if (results != null) {
            for (JsonNode r : results) {
                String outcome = r.path("outcome").asText();
                list.add(new Result(r.path("check").asText(), outcome, Views.kind(outcome), r.path("code").asText(),
                        r.path("message").asText(), r.path("productCode").asText(""), r.path("ruleId").asText("")));
            }
        }
        return list;
    }

    /** The query string of this search, without the page and the language, for the CSV link and paging. */
    private String query() {
        String query = request.query() == null ? "" : request.query();
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isBlank() && !part.startsWith("page=") && !part.startsWith("lang=") && !part.endsWith("=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    private static Integer version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("rulesetVersion", "must be a whole number");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
