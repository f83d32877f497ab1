package pe.telco.orders.ruleset.shadow;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.RulesetStatus;
import pe.telco.orders.ruleset.RulesetVersion;
import pe.telco.orders.ruleset.sandbox.DecisionComparison;
import pe.telco.orders.ruleset.whatif.DeveloperCode;

/**
 * Shadow runs in the database: start one for a candidate (one at a time), end it, record what its comparisons found,
 * and read runs and their differences. The live decision record is never written here.
 */
@ApplicationScoped
public class ShadowService {

    private static final Logger LOG = Logger.getLogger(ShadowService.class);
    static final String SYSTEM = "system:shadow";

    private final ShadowRunRepository runs;
    private final ShadowDifferenceRepository differences;
    private final RulesetService rulesets;
    private final OperatorTime time;
    private final ObjectMapper json;

    public ShadowService(ShadowRunRepository runs, ShadowDifferenceRepository differences, RulesetService rulesets,
            OperatorTime time, ObjectMapper json) {
        this.runs = runs;
        this.differences = differences;
        this.rulesets = rulesets;
        this.time = time;
        this.json = json;
    }

    /** A run as the service works with it, outside any transaction. */
    public record Current(long id, int candidateVersion) {
    }

    @Transactional
    public ShadowRun start(int version, String by, String comment) {
        RulesetVersion candidate = rulesets.find(version);
        ResourceRef location = ResourceRef.of("rulesets", version);
        if (candidate.getStatus() != RulesetStatus.CANDIDATE) {
            throw new StateConflict("Ruleset version " + version + " is " + candidate.getStatus()
                    + "; only a candidate can run in shadow", candidate.getStatus().name(), location, List.of());
        }
        if (DeveloperCode.pending(json, candidate)) {
            throw new StateConflict("Ruleset version " + version + " carries a developer's change (DRL or table"
                    + " structure) that runs nothing until a second person activates it", "CANDIDATE", location,
                    List.of());
        }
        Optional<ShadowRun> open = runs.findOpen();
        if (open.isPresent()) {
            throw new StateConflict("Version " + open.get().candidateVersion + " is in shadow (run " + open.get().id
                    + ", since " + open.get().startedAt + "); end that run first", "SHADOW_RUNNING",
                    ResourceRef.of("rulesets/shadows", open.get().id),
                    List.of("POST /api/rulesets/shadows/" + open.get().id + "/end"));
        }
        ShadowRun run = new ShadowRun(version, by, comment, time.now());
        runs.persist(run);
        runs.flush();
        LOG.infof("Ruleset version %d in shadow (run %d), started by %s", version, run.id, by);
        return run;
    }

    @Transactional
    public ShadowRun end(long id, String by, String reason) {
        ShadowRun run = find(id);
        if (!run.open()) {
            throw new StateConflict("Shadow run " + id + " ended at " + run.endedAt, "ENDED",
                    ResourceRef.of("rulesets/shadows", id), List.of());
        }
        run.end(by, reason, time.now());
        LOG.infof("Shadow run %d of version %d ended by %s: %s", id, run.candidateVersion, by, reason);
        return run;
    }

    /**
     * The open run, if any; a run whose candidate is no longer a candidate (activated, withdrawn) is ended on the way,
     * since a shadow compares a candidate against the live version.
     */
    @Transactional
    public Optional<Current> current() {
        Optional<ShadowRun> open = runs.findOpen();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        ShadowRun run = open.get();
        RulesetStatus status = rulesets.find(run.candidateVersion).getStatus();
        if (status != RulesetStatus.CANDIDATE) {
            run.end(SYSTEM, "version " + run.candidateVersion + " is " + status + " now", time.now());
            LOG.infof("Shadow run %d ended: version %d is %s now", run.id, run.candidateVersion, status);
            return Optional.empty();
        }
        return Optional.of(new Current(run.id, run.candidateVersion));
    }

    @Transactional
    public ShadowRun find(long id) {
        return runs.findByIdOptional(id).orElseThrow(() -> new NotFound("Shadow run", id));
    }

    @Transactional
    public ShadowResponse.Run describe(long id) {
        return ShadowResponse.Run.of(find(id), differences.transitions(id), differences.rules(id));
    }

    @Transactional
    public Page<ShadowResponse.Run> list(int page, int size) {
        Page.validate(page, size);
        var query = runs.find("order by id desc");
        return new Page<>(query.page(page, size).list().stream()
                .map(r -> ShadowResponse.Run.of(r, null, null)).toList(), page, size, query.count());
    }

    @Transactional
    public Page<ShadowResponse.Difference> differences(long id, Boolean decisionChanged, int page, int size) {
        Page.validate(page, size);
        find(id);
        var query = decisionChanged == null ? differences.find("runId = ?1 order by id desc", id)
                : differences.find("runId = ?1 and decisionChanged = ?2 order by id desc", id, decisionChanged);
        return new Page<>(query.page(page, size).list().stream().map(ShadowResponse.Difference::of).toList(), page,
                size, query.count());
    }

    /** One live evaluation and what the candidate made of it. */
    public record Compared(long evaluationId, long orderId, String orderNumber, int liveVersion, String liveDecision,
            DecisionComparison.Compared comparison) {
    }

    /** Records a batch of comparisons (only the evaluations that differ get a row) and counts the whole batch. */
    @Transactional
    public void record(long runId, List<Compared> batch, long skipped) {
        long compared = 0;
        long decisions = 0;
        long reasons = 0;
        long failed = 0;
        for (Compared c : batch) {
            ShadowDifference row = new ShadowDifference(runId, c.evaluationId(), c.orderId(), c.orderNumber(),
                    c.liveVersion(), c.liveDecision(), time.now());
            DecisionComparison.Compared found = c.comparison();
            if (found.failure() != null) {
                failed++;
                row.failure = found.failure().length() > 300 ? found.failure().substring(0, 300) : found.failure();
                differences.persist(row);
                continue;
            }
            compared++;
            row.shadowDecision = found.to();
            row.decisionChanged = !c.liveDecision().equals(found.to());
            if (!row.decisionChanged && found.differingRules().isEmpty()) {
                continue;
            }
            if (row.decisionChanged) {
                decisions++;
            } else {
                reasons++;
            }
            row.rules = String.join(",", found.differingRules());
            row.liveReasons = String.join("; ", found.reasonsBefore());
            row.shadowReasons = String.join("; ", found.reasonsAfter());
            differences.persist(row);
        }
        runs.count(runId, compared, decisions, reasons, failed, skipped);
    }

    /** Counts live evaluations the shadow had to skip (queue full, rate cap). */
    @Transactional
    public void skipped(long runId, long skipped) {
        runs.count(runId, 0, 0, 0, 0, skipped);
    }
}
