package pe.telco.orders.ruleset.impact;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.ruleset.RulesConfig;

/**
 * No preview shows "running" for ever: each instance beats for the previews its worker holds (queued or running),
 * and every instance fails the queued or running previews whose beats stopped, because the instance holding them
 * was stopped or died. The person who asked sees why and can ask again.
 */
@ApplicationScoped
public class ImpactLiveness {

    private static final Logger LOG = Logger.getLogger(ImpactLiveness.class);
    static final String ABANDONED = "The service instance running this preview stopped before it finished;"
            + " nothing was lost, request the preview again.";

    private final ImpactJobRepository jobs;
    private final RulesConfig config;
    private final OperatorTime time;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService thread;

    public ImpactLiveness(ImpactJobRepository jobs, RulesConfig config, OperatorTime time) {
        this.jobs = jobs;
        this.config = config;
        this.time = time;
    }

    void start(@Observes StartupEvent event) {
        Duration beat = config.impactHeartbeat();
        if (config.impactAbandonedAfter().compareTo(beat.multipliedBy(3)) < 0) {
            throw new IllegalStateException("orders.rules.impact-abandoned-after (" + config.impactAbandonedAfter()
                    + ") must be at least three times orders.rules.impact-heartbeat (" + beat
                    + "), or live previews would be failed between two beats");
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "impact-liveness");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::beatSafely, 0, beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** This instance's worker holds the job from now until {@link #release}. */
    void hold(long jobId) {
        held.add(jobId);
    }

    void release(long jobId) {
        held.remove(jobId);
    }

    void beatSafely() {
        try {
            beat(time.now());
        } catch (RuntimeException e) {
            // expected while the database is away (retried at the next beat): one line, the stack only at DEBUG,
            // as the relay and the sealer log it
            LOG.warnf("Recording impact preview heartbeats failed; will retry: %s", e.toString());
            LOG.debug("Impact preview heartbeat failure", e);
        }
    }

    /** Records this instance's beat for the jobs it holds, then fails the unfinished jobs nobody beats for. */
    int beat(OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!held.isEmpty()) {
                jobs.update("heartbeatAt = ?1 where id in ?2", now, List.copyOf(held));
            }
            int abandoned = jobs.update("state = ?1, error = ?2, finishedAt = ?3 where state in ?4"
                    + " and heartbeatAt < ?5", ImpactJob.State.FAILED, ABANDONED, now,
                    List.of(ImpactJob.State.QUEUED, ImpactJob.State.RUNNING),
                    now.minus(config.impactAbandonedAfter()));
            if (abandoned > 0) {
                LOG.warnf("%d impact preview(s) failed: the instance running them stopped", abandoned);
            }
            return abandoned;
        });
    }
}
