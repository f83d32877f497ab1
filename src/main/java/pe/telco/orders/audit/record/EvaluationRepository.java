package pe.telco.orders.audit.record;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

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

    /** Firings go in as one JDBC batch (hibernate.jdbc.batch_size), in the evaluation's transaction. */
    void storeFirings(List<RuleFiring> firings) {
        firings.forEach(getEntityManager()::persist);
    }
}
