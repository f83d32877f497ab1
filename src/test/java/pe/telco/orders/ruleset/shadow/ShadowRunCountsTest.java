package pe.telco.orders.ruleset.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Ending a run while the shadow worker counts a batch keeps the batch's counts: the end writes only the end. */
@QuarkusTest
class ShadowRunCountsTest {

    @Inject
    EntityManager db;
    @Inject
    ShadowService shadow;

    @Test
    void countsCommittedWhileARunIsEndedAreKept() {
        long id = openRun();

        QuarkusTransaction.requiringNew().run(() -> {
            shadow.end(id, "ana.analyst", "seen enough"); // reads the run: nothing skipped yet
            CompletableFuture.runAsync(() -> shadow.skipped(id, 5)).join(); // the worker's count commits first
        });

        assertThat(column(id, "skipped")).isEqualTo(5L);
        assertThat(column(id, "ended_by")).isEqualTo("ana.analyst");
    }

    @Transactional
    long openRun() {
        db.createNativeQuery("update shadow_run set ended_at = now(), ended_by = 'test', end_reason = 'next test'"
                + " where ended_at is null").executeUpdate();
        return ((Number) db.createNativeQuery("insert into shadow_run (candidate_version, started_by, started_at)"
                + " values (1, 'ana.analyst', now()) returning id").getSingleResult()).longValue();
    }

    @Transactional
    Object column(long id, String column) {
        return db.createNativeQuery("select " + column + " from shadow_run where id = ?1").setParameter(1, id)
                .getSingleResult();
    }
}
