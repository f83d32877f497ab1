package pe.telco.orders.ruleset.impact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A cancellation accepted while the worker records a page's progress is kept: the worker's write does not put back
 * the flag as it had read it (found as a flaky "DONE instead of CANCELLED" in CI).
 */
@QuarkusTest
class ImpactCancellationTest {

    @Inject
    EntityManager db;
    @Inject
    ImpactService impact;

    @Test
    void aCancellationCommittedWhileTheWorkerRecordsProgressIsNotOverwritten() {
        long id = runningJob();
        ImpactTally tally = new ImpactTally(10);
        tally.processed = 60;

        boolean seenByThisPage = QuarkusTransaction.requiringNew().call(() -> {
            boolean asked = impact.progress(id, tally); // reads the job: no cancellation yet
            given().delete("/api/rulesets/impact/" + id).then().statusCode(202); // commits on a server thread
            return asked; // this page's progress commits after the cancellation
        });

        given().get("/api/rulesets/impact/" + id).then().statusCode(200)
                .body("processed", equalTo(60))
                .body("cancelRequested", equalTo(true))
                .body("state", equalTo("RUNNING"));
        assertThat(seenByThisPage).isFalse();
        assertThat(impact.progress(id, tally))
                .as("the next page sees the cancellation").isTrue();
    }

    @Transactional
    long runningJob() {
        OffsetDateTime now = OffsetDateTime.now();
        return ((Number) db.createNativeQuery("insert into impact_job (candidate_version, baseline_version, state,"
                + " last_n, total, processed, requested_by, requested_at, started_at, heartbeat_at)"
                + " values (1, 1, 'RUNNING', 100, 100, 40, 'ana.analyst', ?1, ?1, ?1) returning id")
                .setParameter(1, now).getSingleResult()).longValue();
    }
}
