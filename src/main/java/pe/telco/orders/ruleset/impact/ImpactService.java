package pe.telco.orders.ruleset.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.record.SnapshotReader;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.sandbox.CandidateSandbox;
import pe.telco.orders.ruleset.sandbox.DecisionComparison;

/**
 * Impact previews: re-runs stored fact snapshots under a version and under the active one, in a sandbox process fed
 * from a worker thread a page at a time, keeping state and progress in the database so any instance can answer a
 * poll or a cancellation. Nothing about any order changes, and no rule runs inside the service.
 */
@ApplicationScoped
public class ImpactService {

    private static final Logger LOG = Logger.getLogger(ImpactService.class);
    private static final int PAGE = 500;

    private final ImpactJobRepository jobs;
    private final SnapshotReader snapshots;
    private final RulesetService rulesets;
    private final RulesConfig config;
    private final ObjectMapper json;
    private final OperatorTime time;
    private final ImpactLiveness liveness;
    private final CandidateSandbox sandbox;
    // one job at a time per instance: a preview should not take the cores channels need
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "impact-preview");
        t.setDaemon(true);
        return t;
    });

    public ImpactService(ImpactJobRepository jobs, SnapshotReader snapshots, RulesetService rulesets,
            RulesConfig config, ObjectMapper json, OperatorTime time, ImpactLiveness liveness,
            CandidateSandbox sandbox) {
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.rulesets = rulesets;
        this.sandbox = sandbox;
        this.config = config;
        this.json = json;
        this.time = time;
        this.liveness = liveness;
    }

    /** Queues a preview of {@code version} against the active version and starts it on the worker. */
    public ImpactJob request(int version, SnapshotReader.Selection selection, String by) {
        if (selection.last() == null && selection.from() == null && selection.to() == null) {
            throw new InvalidInput("last", "give the number of most recent evaluations, or from and to");
        }
        if (selection.last() != null && (selection.last() < 1 || selection.last() > 1_000_000)) {
            throw new InvalidInput("last", "must be between 1 and 1000000");
        }
        ImpactJob job = create(version, selection, by == null ? "anonymous" : by);
        liveness.hold(job.id);
        worker.submit(() -> {
            try {
                run(job.id);
            } finally {
                liveness.release(job.id);
            }
        });
        return job;
    }

    @Transactional
    ImpactJob create(int version, SnapshotReader.Selection selection, String by) {
        rulesets.find(version);
        ImpactJob job = new ImpactJob(version, rulesets.active().getVersion(), selection, by, time.now());
        jobs.persist(job);
        return job;
    }

    @Transactional
    public ImpactJob find(long id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> new NotFound("Impact preview", id));
    }

    /** Asks a queued or running job to stop; it stops after the page it is on. */
    @Transactional
    public ImpactJob cancel(long id) {
        ImpactJob job = find(id);
        if (job.finished()) {
            throw new StateConflict("Impact preview " + id + " is already " + job.state, job.state.name());
        }
        job.cancelRequested = true;
        return job;
    }

    @Transactional
    boolean start(long id, int total) {
        ImpactJob job = find(id);
        if (job.cancelRequested) {
            job.state = ImpactJob.State.CANCELLED;
            job.finishedAt = time.now();
            return false;
        }
        job.state = ImpactJob.State.RUNNING;
        job.total = total;
        job.startedAt = time.now();
        return true;
    }

    /** Records progress; answers whether a cancellation was asked for. */
    @Transactional
    boolean progress(long id, ImpactTally tally) {
        ImpactJob job = find(id);
        job.processed = tally.processed;
        job.changed = tally.changed;
        job.failed = tally.failed;
        return job.cancelRequested;
    }

    @Transactional
    void finish(long id, ImpactJob.State state, String result, String error) {
        ImpactJob job = find(id);
        job.state = state;
        job.result = result;
        job.error = error;
        job.finishedAt = time.now();
    }

    /** Decides the selected past orders under both versions in a sandbox, page by page, recording progress. */
    void run(long id) {
        long started = System.nanoTime();
        ImpactJob job = find(id);
        try {
            SnapshotReader.Selection selection = job.selection();
            int total = snapshots.count(selection);
            if (!start(id, total)) {
                return;
            }
            ImpactTally tally = new ImpactTally(config.impactOrderLimit());
            boolean cancelled = false;
            try (CandidateSandbox.Comparison comparison = sandbox.openComparison(new DecisionComparison.Versions(
                    rulesets.files(job.baselineVersion), rulesets.files(job.candidateVersion)))) {
                Long before = null;
                while (tally.processed < total && !cancelled) {
                    List<SnapshotReader.Snapshot> page = snapshots.page(selection, before,
                            Math.min(PAGE, total - tally.processed));
                    if (page.isEmpty()) {
                        break;
                    }
                    compare(comparison, page, tally);
                    before = page.get(page.size() - 1).id();
                    cancelled = progress(id, tally);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            finish(id, cancelled ? ImpactJob.State.CANCELLED : ImpactJob.State.DONE,
                    write(tally.report(job.baselineVersion, job.candidateVersion, millis)), null);
            LOG.infof("Impact preview %d: %d evaluations in %d ms, %d decisions change", id, tally.processed, millis,
                    tally.changed);
        } catch (RulesetInvalid e) {
            LOG.warnf("Impact preview %d failed: %s", id, e.problems().get(0).message());
            finish(id, ImpactJob.State.FAILED, null, e.problems().get(0).message());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "Impact preview %d failed (reference %s)", id, reference);
            finish(id, ImpactJob.State.FAILED, null, "The preview stopped unexpectedly (reference " + reference + ")");
        }
    }

    private static void compare(CandidateSandbox.Comparison comparison, List<SnapshotReader.Snapshot> page,
            ImpactTally tally) {
        Map<Long, SnapshotReader.Snapshot> byId = new HashMap<>();
        List<DecisionComparison.PastOrder> orders = new ArrayList<>(page.size());
        for (SnapshotReader.Snapshot snapshot : page) {
            byId.put(snapshot.id(), snapshot);
            orders.add(new DecisionComparison.PastOrder(snapshot.id(), snapshot.orderId(), snapshot.orderNumber(),
                    snapshot.facts()));
        }
        comparison.compare(orders).forEach(compared -> tally.add(byId.get(compared.id()), compared));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the impact report", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
