package pe.telco.orders.ruleset.shadow;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Shadow runs; at most one is open (the database's unique index says so too). */
@ApplicationScoped
public class ShadowRunRepository implements PanacheRepository<ShadowRun> {

    Optional<ShadowRun> findOpen() {
        return find("endedAt is null").firstResultOptional();
    }

    /** Adds counts with one statement, so instances recording at once never lose each other's. */
    void count(long runId, long compared, long decisionsChanged, long reasonsChanged, long failed, long skipped) {
        getEntityManager().createNativeQuery("update shadow_run set compared = compared + ?1, decisions_changed ="
                        + " decisions_changed + ?2, reasons_changed = reasons_changed + ?3, failed = failed + ?4,"
                        + " skipped = skipped + ?5 where id = ?6")
                .setParameter(1, compared).setParameter(2, decisionsChanged).setParameter(3, reasonsChanged)
                .setParameter(4, failed).setParameter(5, skipped).setParameter(6, runId).executeUpdate();
    }
}
