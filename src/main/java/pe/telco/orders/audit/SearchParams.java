package pe.telco.orders.audit;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import pe.telco.orders.common.Page;

/** The query parameters shared by the audit searches and their CSV exports. */
public class SearchParams {

    @QueryParam("from") @Parameter(description = "Evaluated at or after (ISO date or time with offset)")
    public String from;
    @QueryParam("to") @Parameter(description = "Evaluated before (ISO date or time with offset)")
    public String to;
    @QueryParam("decision") @Parameter(description = "RELEASED, HELD or REJECTED")
    public String decision;
    @QueryParam("channel") @Parameter(description = "STORE, VIRTUAL_STORE, CALL_CENTER, WEB or APP")
    public String channel;
    @QueryParam("check") @Parameter(description = "A check with a result in the evaluation, e.g. CREDIT")
    public String check;
    @QueryParam("reasonCode") @Parameter(description = "A reason code of any result, e.g. LOW_CREDIT_SCORE")
    public String reasonCode;
    @QueryParam("ruleId") @Parameter(description = "A rule that fired, e.g. CREDIT-070")
    public String ruleId;
    @QueryParam("rulesetVersion")
    public Integer rulesetVersion;
    @QueryParam("orderId")
    public Long orderId;
    @QueryParam("orderNumber")
    public String orderNumber;
    @QueryParam("customerDocument") @Parameter(description = "Type and number, e.g. DNI:45871236")
    public String customerDocument;
    @QueryParam("sort") @Parameter(description = "-evaluatedAt (newest first, default) or evaluatedAt")
    public String sort;
    @QueryParam("page") @Parameter(description = "Page from 0 (JSON answers only)")
    public String page;
    @QueryParam("size") @Parameter(description = "1 to 200, default 20 (JSON answers only)")
    public String size;

    /** The checked page and size: a bad one is a 400 naming it. */
    Page.Request paging() {
        return Page.request(page, size);
    }

    EvaluationFilter filter() {
        return EvaluationFilter.of(from, to, decision, channel, check, reasonCode, ruleId, rulesetVersion, orderId,
                orderNumber, customerDocument);
    }

    AuditQueries.Sort sorting() {
        return AuditQueries.Sort.of(sort);
    }
}
