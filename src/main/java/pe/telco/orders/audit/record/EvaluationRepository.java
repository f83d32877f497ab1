package pe.telco.orders.audit.record;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Stored evaluations and their firings; used only through {@link DecisionRecord}. */
@ApplicationScoped
class EvaluationRepository implements PanacheRepository<Evaluation> {

    Optional<Evaluation> latestFor(long orderId) {
        return find("orderId = ?1 order by id desc", orderId).firstResultOptional();
    }

    List<RuleFiring> firingsOf(long evaluationId) {
        return getEntityManager()
                .createQuery("from RuleFiring f where f.key.evaluationId = ?1 order by f.key.sequence", RuleFiring.class)
                .setParameter(1, evaluationId).getResultList();
    }

    /**
     * Firings go in as one JDBC batch on the evaluation's connection and transaction (pgjdbc rewrites it into
     * multi-row inserts). They are plain rows, never changed: kept out of the persistence context, no flush walks
     * them, and whatever else the transaction does costs no more for an evaluation with many firings.
     */
    void storeFirings(List<RuleFiring> firings) {
        if (firings.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("insert into rule_firing (evaluation_id,"
                    + " evaluated_at, sequence, rule_id, rule_name, description, source, sheet, row_number,"
                    + " check_name, item_line, outcome, reason_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RuleFiring f : firings) {
                    s.setLong(1, f.getKey().evaluationId());
                    s.setObject(2, f.getEvaluatedAt());
                    s.setInt(3, f.getKey().sequence());
                    s.setString(4, f.getRuleId());
                    s.setString(5, f.getRuleName());
                    s.setString(6, f.getDescription());
                    s.setString(7, f.getSource());
                    s.setString(8, f.getSheet());
                    s.setObject(9, f.getRow(), Types.INTEGER);
                    s.setString(10, f.getCheck());
                    s.setObject(11, f.getItemLine(), Types.INTEGER);
                    s.setString(12, f.getOutcome());
                    s.setString(13, f.getReasonCode());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }
}
