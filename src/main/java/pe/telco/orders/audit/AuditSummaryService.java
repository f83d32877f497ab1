package pe.telco.orders.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.RuleInfo;

/** Counts a period of the audit record by decision, channel, version, check and reason, rule; finds dead rules. */
@ApplicationScoped
public class AuditSummaryService {

    private final AuditQueries queries;
    private final CompiledRulesets rulesets;

    public AuditSummaryService(AuditQueries queries, CompiledRulesets rulesets) {
        this.queries = queries;
        this.rulesets = rulesets;
    }

    public AuditSummary summarise(OffsetDateTime from, OffsetDateTime to) {
        AuditSummary counts = counts(from, to);
        List<Object> params = new ArrayList<>();
        String where = period(from, to).firingsWhere(params);
        return new AuditSummary(from, to, counts.evaluations(), counts.byDecision(), counts.byChannel(),
                counts.byRulesetVersion(), counts.byCheckAndReason(), counts.byRule(),
                deadRules(counts.byRulesetVersion(), where, params));
    }

    /** The counts of a period without the dead rules (which need every version used compiled). */
    public AuditSummary counts(OffsetDateTime from, OffsetDateTime to) {
        List<Object> params = new ArrayList<>();
        String where = period(from, to).where(params);
        List<Object> firingParams = new ArrayList<>();
        List<AuditSummary.Count> versions = counts("e.ruleset_version::text", where, params);
        return new AuditSummary(from, to, queries.count("select count(*) from evaluation e where " + where, params),
                counts("e.decision", where, params), counts("e.channel", where, params), versions,
                queries.list("select r ->> 'check', r ->> 'outcome', r ->> 'code', count(*) from evaluation e"
                        + " cross join jsonb_array_elements(e.results) r where " + where
                        + " group by 1, 2, 3 order by 4 desc, 1, 3", params,
                        rs -> new AuditSummary.ReasonCount(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4))),
                queries.list("select f.rule_id, count(*) from " + AuditQueries.FIRINGS + " where "
                        + period(from, to).firingsWhere(firingParams) + " group by 1 order by 2 desc, 1", firingParams,
                        rs -> new AuditSummary.Count(rs.getString(1), rs.getLong(2))),
                List.of());
    }

    /** Evaluations per day (in Lima) and decision, oldest day first. */
    public List<AuditSummary.DayCount> perDay(OffsetDateTime from, OffsetDateTime to) {
        List<Object> params = new ArrayList<>();
        String where = period(from, to).where(params);
        return queries.list("select (e.evaluated_at at time zone 'America/Lima')::date, e.decision, count(*)"
                + " from evaluation e where " + where + " group by 1, 2 order by 1, 2", params,
                rs -> new AuditSummary.DayCount(rs.getObject(1, java.time.LocalDate.class), rs.getString(2),
                        rs.getLong(3)));
    }

    /** How often each rule fired in evaluations of one ruleset version in a period. */
    public java.util.Map<String, Long> firingsByRule(int version, OffsetDateTime from, OffsetDateTime to) {
        List<Object> params = new ArrayList<>();
        String where = new EvaluationFilter(from, to, null, null, null, null, null, version, null, null, null)
                .firingsWhere(params);
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        queries.list("select f.rule_id, count(*) from " + AuditQueries.FIRINGS
                + " where " + where + " group by 1", params, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static EvaluationFilter period(OffsetDateTime from, OffsetDateTime to) {
        return new EvaluationFilter(from, to, null, null, null, null, null, null, null, null, null);
    }

    private List<AuditSummary.Count> counts(String column, String where, List<Object> params) {
        return queries.list("select " + column + ", count(*) from evaluation e where " + where
                + " group by 1 order by 2 desc, 1", params, rs -> new AuditSummary.Count(rs.getString(1), rs.getLong(2)));
    }

    private List<AuditSummary.DeadRule> deadRules(List<AuditSummary.Count> versions, String where,
            List<Object> params) {
        Set<String> fired = new HashSet<>(queries.list("select distinct e.ruleset_version || ' ' || f.rule_id"
                + " from " + AuditQueries.FIRINGS + " where " + where, params,
                rs -> rs.getString(1)));
        List<AuditSummary.DeadRule> dead = new ArrayList<>();
        for (AuditSummary.Count used : versions) {
            int version = Integer.parseInt(used.value());
            for (RuleInfo rule : rulesets.version(version).catalog().values()) {
                if (!fired.contains(version + " " + rule.id())) {
                    dead.add(new AuditSummary.DeadRule(version, rule.id(), rule.description(), rule.source(),
                            rule.sheet(), rule.row()));
                }
            }
        }
        dead.sort(Comparator.comparingInt(AuditSummary.DeadRule::rulesetVersion)
                .thenComparing(AuditSummary.DeadRule::ruleId));
        return dead;
    }
}
