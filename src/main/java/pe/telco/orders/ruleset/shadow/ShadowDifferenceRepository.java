package pe.telco.orders.ruleset.shadow;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What shadow runs found, by run. */
@ApplicationScoped
public class ShadowDifferenceRepository implements PanacheRepository<ShadowDifference> {

    /** Decisions that change, "HELD → REJECTED" → how many. */
    Map<String, Long> transitions(long runId) {
        return counted("select live_decision || ' → ' || shadow_decision, count(*) from shadow_difference"
                + " where run_id = ?1 and decision_changed group by 1", runId);
    }

    /** Rules involved in changed decisions → how many. */
    Map<String, Long> rules(long runId) {
        return counted("select r, count(*) from shadow_difference, unnest(string_to_array(rules, ',')) r"
                + " where run_id = ?1 and decision_changed and r <> '' group by r", runId);
    }

    private Map<String, Long> counted(String sql, long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(sql).setParameter(1, runId).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
