package pe.telco.orders.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;

/** Reads one evaluation in full for an auditor. */
@ApplicationScoped
public class AuditService {

    private final AuditQueries queries;
    private final ObjectMapper json;

    public AuditService(AuditQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    public EvaluationRecord record(long id) {
        List<EvaluationRecord> found = queries.list("select e.*, s.seq, s.prev_hash, s.hash, s.sealed_at"
                + " from evaluation e left join evaluation_seal s on s.evaluation_id = e.id where e.id = ?",
                List.of(id), rs -> {
                    Long seq = (Long) rs.getObject("seq");
                    EvaluationRecord.Seal seal = seq == null ? null : new EvaluationRecord.Seal(seq,
                            rs.getString("prev_hash"), rs.getString("hash"),
                            OperatorTime.local(rs.getObject("sealed_at", OffsetDateTime.class)));
                    return new EvaluationRecord(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
                            rs.getString("channel"), rs.getString("customer_document"), rs.getString("decision"),
                            rs.getInt("ruleset_version"), rs.getString("ruleset_hash"),
                            OperatorTime.local(rs.getObject("evaluated_at", OffsetDateTime.class)),
                            rs.getLong("duration_micros"), rs.getString("actor"), rs.getString("app_version"),
                            rs.getString("drools_version"), rs.getString("trace_id"), tree(rs.getString("facts")),
                            tree(rs.getString("results")),
                            null, seal);
                });
        if (found.isEmpty()) {
            throw new NotFound("Evaluation", id);
        }
        EvaluationRecord e = found.get(0);
        List<RuleFiringItem> firings = queries.list("select " + RuleFiringItem.COLUMNS + " from rule_firing f"
                + " join evaluation e on e.id = f.evaluation_id and e.evaluated_at = f.evaluated_at"
                + " where f.evaluation_id = ? order by f.sequence",
                List.of(id), RuleFiringItem::from);
        return new EvaluationRecord(e.id(), e.orderId(), e.orderNumber(), e.channel(), e.customerDocument(),
                e.decision(), e.rulesetVersion(), e.rulesetHash(), e.evaluatedAt(), e.durationMicros(), e.actor(),
                e.appVersion(), e.droolsVersion(), e.traceId(), e.facts(), e.results(), firings, e.seal());
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON of an evaluation is unreadable", e);
        }
    }
}
