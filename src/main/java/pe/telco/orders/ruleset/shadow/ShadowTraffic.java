package pe.telco.orders.ruleset.shadow;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.record.DecisionStored;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.sandbox.CandidateSandbox;
import pe.telco.orders.ruleset.sandbox.DecisionComparison;

/**
 * Feeds live evaluations to the shadow candidate. The channel's request only offers the committed evaluation to a
 * bounded queue (after its commit, never blocking: when the queue is full or the rate cap is reached it is skipped
 * and counted); one worker thread per instance decides queued evaluations in batches in a sandbox process that has
 * the live version and the candidate compiled, exactly as an impact preview does, and records what differs.
 */
@Startup
@ApplicationScoped
public class ShadowTraffic {

    private static final Logger LOG = Logger.getLogger(ShadowTraffic.class);

    /** A committed live evaluation, queued for the run that was on when it committed. */
    private record Queued(long runId, DecisionStored decision) {
    }

    private final ShadowService shadows;
    private final RulesetService rulesets;
    private final CandidateSandbox sandbox;
    private final ShadowConfig config;
    private final BlockingQueue<Queued> queue;
    private final AtomicReference<ShadowService.Current> current = new AtomicReference<>();
    private final AtomicLong skipped = new AtomicLong();
    private final RateCap cap;
    private volatile boolean stopping;
    private volatile long checkedAt;
    private volatile boolean unreachable;
    private static final long RETRY_OPEN = TimeUnit.SECONDS.toNanos(30);
    private long nextOpenAt = System.nanoTime();
    private Thread worker;
    private CandidateSandbox.Comparison comparison;
    private int comparisonBaseline;
    private int comparisonCandidate;

    public ShadowTraffic(ShadowService shadows, RulesetService rulesets, CandidateSandbox sandbox,
            ShadowConfig config) {
        this.shadows = shadows;
        this.rulesets = rulesets;
        this.sandbox = sandbox;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queue()));
        this.cap = new RateCap(config.maxRate());
    }

    @PostConstruct
    void startWorker() {
        worker = new Thread(this::work, "shadow-runs");
        worker.setDaemon(true);
        worker.start();
    }

    /** After the live decision committed: offer it, or count it skipped. Never blocks, never throws. */
    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionStored decision) {
        ShadowService.Current run = current.get();
        if (run == null) {
            return;
        }
        if (!cap.tryTake() || !queue.offer(new Queued(run.id(), decision))) {
            skipped.incrementAndGet();
        }
    }

    /** Puts a candidate in shadow; this instance follows at once, the others within the check interval. */
    public ShadowRun start(int version, String by, String comment) {
        ShadowRun run = shadows.start(version, by, comment);
        current.set(new ShadowService.Current(run.id, run.candidateVersion));
        checkedAt = System.nanoTime();
        return run;
    }

    /** Ends a run; evaluations still queued for it are dropped. */
    public ShadowRun end(long id, String by, String reason) {
        ShadowRun run = shadows.end(id, by, reason);
        current.set(null);
        checkedAt = System.nanoTime();
        return run;
    }

    /** Whether this instance is feeding a run now (for tests and the console). */
    public Optional<ShadowService.Current> following() {
        return Optional.ofNullable(current.get());
    }

    private void work() {
        while (!stopping) {
            try {
                follow();
                ShadowService.Current on = current.get();
                if (on != null && comparison == null && System.nanoTime() - nextOpenAt >= 0) {
                    // ready before the first live evaluation arrives: the sandbox takes seconds to start and compile;
                    // a sandbox that does not start is tried again a while later, not on every turn
                    nextOpenAt = System.nanoTime() + RETRY_OPEN;
                    comparisonFor(rulesets.active().getVersion(), on.candidateVersion());
                }
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                ShadowService.Current run = current.get();
                flushSkipped(run);
                if (first == null) {
                    if (run == null) {
                        closeComparison();
                    }
                    continue;
                }
                List<Queued> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, Math.max(0, config.batch() - 1));
                if (run != null) {
                    decide(run, batch.stream().filter(q -> q.runId() == run.id()).toList());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return; // the service is stopping: whatever was under way is dropped, as the queue is
                }
                LOG.warnf("Shadow runs: %s", e.getMessage());
                closeComparison();
            }
        }
    }

    /** Re-reads the open run every check interval; a database that cannot be reached is logged once. */
    private void follow() {
        if (System.nanoTime() - checkedAt < config.checkInterval().toNanos()) {
            return;
        }
        checkedAt = System.nanoTime();
        try {
            current.set(shadows.current().orElse(null));
            unreachable = false;
        } catch (RuntimeException e) {
            if (!unreachable) {
                LOG.warnf("Shadow runs: could not read the open run (%s); trying again", e.getClass().getSimpleName());
            }
            unreachable = true;
        }
    }

    private void flushSkipped(ShadowService.Current run) {
        long count = skipped.get();
        if (count > 0 && run != null) {
            shadows.skipped(run.id(), count);
            skipped.addAndGet(-count);
        } else if (count > 0) {
            skipped.addAndGet(-count);
        }
    }

    /** Decides a batch under the candidate, grouped by the version each evaluation was decided under. */
    private void decide(ShadowService.Current run, List<Queued> batch) {
        Map<Integer, List<DecisionStored>> byVersion = new LinkedHashMap<>();
        batch.forEach(q -> byVersion.computeIfAbsent(q.decision().rulesetVersion(), v -> new ArrayList<>())
                .add(q.decision()));
        for (Map.Entry<Integer, List<DecisionStored>> group : byVersion.entrySet()) {
            List<DecisionStored> decisions = group.getValue();
            List<DecisionComparison.Compared> found;
            try {
                found = comparisonFor(group.getKey(), run.candidateVersion()).compare(decisions.stream()
                        .map(d -> new DecisionComparison.PastOrder(d.evaluationId(), d.orderId(), d.orderNumber(),
                                d.facts())).toList());
            } catch (RulesetInvalid e) {
                LOG.warnf("Shadow run %d: the sandbox gave no answer for %d evaluations: %s", run.id(),
                        decisions.size(), e.problems().get(0).message());
                closeComparison();
                found = decisions.stream().map(d -> new DecisionComparison.Compared(d.evaluationId(), null, null,
                        List.of(), "the sandbox gave no answer", null, List.of(), List.of())).toList();
            }
            List<ShadowService.Compared> compared = new ArrayList<>(decisions.size());
            for (int i = 0; i < decisions.size(); i++) {
                DecisionStored d = decisions.get(i);
                compared.add(new ShadowService.Compared(d.evaluationId(), d.orderId(), d.orderNumber(),
                        d.rulesetVersion(), d.decision(), found.get(i)));
            }
            shadows.record(run.id(), compared, 0);
        }
    }

    private CandidateSandbox.Comparison comparisonFor(int baseline, int candidate) {
        if (comparison != null && (comparisonBaseline != baseline || comparisonCandidate != candidate)) {
            closeComparison();
        }
        if (comparison == null) {
            comparison = sandbox.openShadowComparison(new DecisionComparison.Versions(rulesets.files(baseline),
                    rulesets.files(candidate)));
            comparisonBaseline = baseline;
            comparisonCandidate = candidate;
        }
        return comparison;
    }

    private void closeComparison() {
        if (comparison != null) {
            comparison.close();
            comparison = null;
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeComparison();
    }

    /** At most {@code perSecond} takes a second, in a burst of at most one second's worth; 0 takes none. */
    static final class RateCap {

        private final double perSecond;
        private double tokens;
        private long refilledAt = System.nanoTime();

        RateCap(double perSecond) {
            this.perSecond = perSecond;
            this.tokens = Math.max(1, perSecond);
        }

        synchronized boolean tryTake() {
            if (perSecond <= 0) {
                return false;
            }
            long now = System.nanoTime();
            tokens = Math.min(Math.max(1, perSecond), tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
