package pe.telco.orders.ruleset.impact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A preview whose instance stopped (a restart, a crash) does not show "running" for ever: once its heartbeats stop
 * it is failed with a reason; a preview this instance still holds keeps beating and is left alone.
 */
@QuarkusTest
class ImpactLivenessTest {

    @Inject
    EntityManager db;
    @Inject
    ImpactLiveness liveness;

    @Test
    void aPreviewLeftRunningByAStoppedInstanceIsFailedWithTheReason() {
        OffsetDateTime now = OffsetDateTime.now();
        long orphan = job("RUNNING", now.minusHours(2));
        long queued = job("QUEUED", now.minusHours(2));
        long recent = job("RUNNING", now.minusSeconds(5));

        liveness.beat(now);

        for (long failed : new long[] {orphan, queued}) {
            given().get("/api/rulesets/impact/" + failed).then().statusCode(200)
                    .body("state", equalTo("FAILED"))
                    .body("error", containsString("stopped before it finished"))
                    .body("finishedAt", notNullValue());
        }
        given().get("/api/rulesets/impact/" + recent).then().body("state", equalTo("RUNNING"))
                .body("finishedAt", nullValue());
        liveness.beat(now.plus(Duration.ofMinutes(5)));
        given().get("/api/rulesets/impact/" + recent).then().body("state", equalTo("FAILED"));
    }

    @Test
    void aPreviewThisInstanceHoldsKeepsBeatingAndIsNotFailed() {
        OffsetDateTime now = OffsetDateTime.now();
        long held = job("RUNNING", now.minusHours(2));
        liveness.hold(held);
        try {
            liveness.beat(now);
            given().get("/api/rulesets/impact/" + held).then().body("state", equalTo("RUNNING"));
            liveness.beat(now.plus(Duration.ofMinutes(5)));
            given().get("/api/rulesets/impact/" + held).then().body("state", equalTo("RUNNING"));
        } finally {
            liveness.release(held);
        }
        liveness.beat(now.plus(Duration.ofMinutes(10)));
        given().get("/api/rulesets/impact/" + held).then().body("state", equalTo("FAILED"));
    }

    /** A job as an instance that has since stopped would have left it, last heard of at {@code heartbeat}. */
    @Transactional
    long job(String state, OffsetDateTime heartbeat) {
        return ((Number) db.createNativeQuery("insert into impact_job (candidate_version, baseline_version, state,"
                + " last_n, total, processed, requested_by, requested_at, started_at, heartbeat_at)"
                + " values (1, 1, ?1, 100, 100, 40, 'ana.analyst', ?2, ?2, ?2) returning id")
                .setParameter(1, state).setParameter(2, heartbeat).getSingleResult()).longValue();
    }
}
