package pe.telco.orders.ruleset.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.evaluation.EvaluationFacts;
import pe.telco.orders.evaluation.FactsSnapshot;
import pe.telco.orders.evaluation.OrderEvaluator;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.CompiledRuleset;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.RulesetService;

/**
 * Impact previews: re-runs stored fact snapshots under a version and under the active one, on a worker thread, a
 * page at a time, keeping state and progress in the database so any instance can answer a poll or a cancellation.
 * Nothing about any order changes.
 */
@ApplicationScoped
public class ImpactService {

    private static final Logger LOG = Logger.getLogger(ImpactService.class);
    private static final int PAGE = 500;

    private final ImpactJobRepository jobs;
    private final SnapshotReader snapshots;
    private final RulesetService rulesets;
    private final ActiveRuleset active;
    private final RulesConfig config;
    private final ObjectMapper json;
    private final OperatorTime time;
    private final ImpactLiveness liveness;
    private final OrderEvaluator evaluator = new OrderEvaluator();
    // one job at a time per instance: a preview should not take the cores channels need
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "impact-preview");
        t.setDaemon(true);
        return t;
    });

    public ImpactService(ImpactJobRepository jobs, SnapshotReader snapshots, RulesetService rulesets,
            ActiveRuleset active, RulesConfig config, ObjectMapper json, OperatorTime time, ImpactLiveness liveness) {
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.rulesets = rulesets;
        this.active = active;
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

    void run(long id) {
        long started = System.nanoTime();
        ImpactJob job = find(id);
        try {
            CompiledRuleset candidate = active.version(job.candidateVersion);
            CompiledRuleset baseline = active.version(job.baselineVersion);
            SnapshotReader.Selection selection = job.selection();
            int total = snapshots.count(selection);
            if (!start(id, total)) {
                return;
            }
            ImpactTally tally = new ImpactTally(config.impactOrderLimit());
            Long before = null;
            boolean cancelled = false;
            while (tally.processed < total && !cancelled) {
                List<SnapshotReader.Snapshot> page = snapshots.page(selection, before,
                        Math.min(PAGE, total - tally.processed));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(snapshot -> compare(snapshot, baseline, candidate, tally));
                before = page.get(page.size() - 1).id();
                cancelled = progress(id, tally);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            finish(id, cancelled ? ImpactJob.State.CANCELLED : ImpactJob.State.DONE,
                    write(tally.report(baseline.version(), candidate.version(), millis)), null);
            LOG.infof("Impact preview %d: %d evaluations in %d ms, %d decisions change", id, tally.processed, millis,
                    tally.changed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Impact preview %d failed", id);
            finish(id, ImpactJob.State.FAILED, null, String.valueOf(e.getMessage()));
        }
    }

    private void compare(SnapshotReader.Snapshot snapshot, CompiledRuleset baseline, CompiledRuleset candidate,
            ImpactTally tally) {
        try {
            EvaluationFacts facts = FactsSnapshot.read(json, snapshot.facts());
            tally.add(snapshot, evaluator.evaluate(baseline, facts), evaluator.evaluate(candidate, facts));
        } catch (RuntimeException e) {
            tally.fail(snapshot, e.getMessage());
        }
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
