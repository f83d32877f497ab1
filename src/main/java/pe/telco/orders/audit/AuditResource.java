package pe.telco.orders.audit;

import jakarta.annotation.security.RolesAllowed;
import pe.telco.orders.access.Roles;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.Attachment;
import pe.telco.orders.common.Page;

/** Auditors search the evaluation record and the firings of a rule, as JSON pages or streamed CSV. */
@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    static final String CSV = "text/csv";

    private final AuditQueries queries;
    private final AuditService service;
    private final AuditSummaryService summaries;

    public AuditResource(AuditQueries queries, AuditService service, AuditSummaryService summaries) {
        this.queries = queries;
        this.service = service;
        this.summaries = summaries;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Counts of a period by decision, channel, version, check and reason, rule; and dead rules")
    public AuditSummary summary(@jakarta.ws.rs.QueryParam("from") String from,
            @jakarta.ws.rs.QueryParam("to") String to) {
        return summaries.summarise(EvaluationFilter.time("from", from), EvaluationFilter.time("to", to));
    }

    @GET
    @Path("/evaluations")
    @Operation(summary = "Search evaluations (filters combine), newest first, paged")
    public Page<EvaluationListItem> search(@BeanParam SearchParams params) {
        Page.Request paging = params.paging();
        return queries.evaluations(params.filter(), params.sorting(), paging.page(), paging.size());
    }

    @GET
    @Path("/evaluations")
    @Produces(CSV)
    @Operation(summary = "The same search as CSV, every matching row (streamed; page and size are ignored)")
    public Response searchCsv(@BeanParam SearchParams params) {
        EvaluationFilter filter = params.filter();
        AuditQueries.Sort sort = params.sorting();
        return csv("evaluations.csv", out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row(EvaluationListItem.CSV_HEADER);
                queries.streamEvaluations(filter, sort, item -> csv.row(item.csv()));
            }
        });
    }

    @GET
    @Path("/evaluations/export")
    @Produces(CSV)
    @Operation(summary = "CSV export of an evaluation search, for a browser or curl without an Accept header")
    public Response export(@BeanParam SearchParams params) {
        return searchCsv(params);
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One evaluation in full: facts, results, firings, versions, actor, seal")
    public EvaluationRecord record(@PathParam("id") long id) {
        return service.record(id);
    }

    @GET
    @Path("/rules/{ruleId}/firings")
    @Operation(summary = "Where a rule fired, newest evaluation first, paged; filters as for evaluations")
    public Page<RuleFiringItem> firings(@PathParam("ruleId") String ruleId, @BeanParam SearchParams params) {
        Page.Request paging = params.paging();
        return queries.firings(EvaluationFilter.text("ruleId", ruleId), params.filter(), paging.page(), paging.size());
    }

    @GET
    @Path("/rules/{ruleId}/firings")
    @Produces(CSV)
    @Operation(summary = "Where a rule fired, as CSV (streamed)")
    public Response firingsCsv(@PathParam("ruleId") String ruleId, @BeanParam SearchParams params) {
        EvaluationFilter filter = params.filter();
        EvaluationFilter.text("ruleId", ruleId);
        return csv(ruleId + "-firings.csv", out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row(RuleFiringItem.CSV_HEADER);
                queries.streamFirings(ruleId, filter, item -> csv.row(item.csv()));
            }
        });
    }

    @GET
    @Path("/rules/{ruleId}/firings/export")
    @Produces(CSV)
    @Operation(summary = "CSV export of a rule's firings without an Accept header")
    public Response firingsExport(@PathParam("ruleId") String ruleId, @BeanParam SearchParams params) {
        return firingsCsv(ruleId, params);
    }

    private static Response csv(String fileName, StreamingOutput body) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", Attachment.disposition(fileName)).build();
    }
}
