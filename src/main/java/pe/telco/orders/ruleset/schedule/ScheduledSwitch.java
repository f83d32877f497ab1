package pe.telco.orders.ruleset.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import pe.telco.orders.common.ProblemMapping;
import pe.telco.orders.ruleset.ActiveRuleset;

/**
 * One instance's part in a scheduled activation. It knows the schedule waiting (read again on every notification
 * and periodic check of its watcher), arms its rules with the version scheduled (compiled ahead), so evaluations
 * from the instant on run it even before the database switch is known here, and at the instant tries the switch
 * itself: the first instance to get there performs it, the others find it done and refresh.
 */
public class ScheduledSwitch {

    private static final Logger LOG = Logger.getLogger(ScheduledSwitch.class);
    /** The schedule is read once more this long before its instant, to catch a change a notification missed. */
    private static final Duration VERIFY_BEFORE = Duration.ofMillis(500);

    private final ActiveRuleset active;
    private final ScheduledActivations schedules;
    private final ScheduledExecutorService timer;
    private ScheduleRepository.Upcoming planned;
    private Optional<ScheduleRepository.Upcoming> latest = Optional.empty();
    private long generation;
    private Future<?> verifyTask;
    private Future<?> performTask;
    private volatile Run lastRun;

    /** What this instance did at the last instant: when its timer fired, the outcome, when its rules had switched. */
    public record Run(long scheduleId, Instant at, Instant fired, ScheduledActivations.Outcome outcome,
            Instant confirmed) {

        public long firedLateMillis() {
            return Duration.between(at, fired).toMillis();
        }

        public long confirmedAfterMillis() {
            return Duration.between(at, confirmed).toMillis();
        }
    }

    public ScheduledSwitch(ActiveRuleset active, ScheduledActivations schedules) {
        this.active = active;
        this.schedules = schedules;
        // two threads: the switch at the instant never waits behind a reload that is compiling the version
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ruleset-schedule");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        timer.execute(this::reloadSafely);
    }

    public void stop() {
        timer.shutdownNow();
    }

    public Optional<Run> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /**
     * Reads the waiting schedule again; re-plans the switch and arms or disarms this instance to match. Arming
     * compiles the version, which may take a while: it runs outside the lock, and if another reload decided
     * meanwhile (the version was withdrawn, say), that newer decision is applied after it.
     */
    public void reload() {
        Optional<ScheduleRepository.Upcoming> upcoming;
        long mine;
        synchronized (this) {
            upcoming = schedules.upcoming(); // read under the lock: the latest decision is the latest read
            if (upcoming.isEmpty()) {
                cancelTimers();
                planned = null;
            } else if (!upcoming.get().equals(planned) || (performTask != null && performTask.isDone())) {
                plan(upcoming.get()); // first: the switch happens at the instant even if compiling takes longer
            }
            latest = upcoming;
            mine = ++generation;
        }
        apply(upcoming);
        Optional<ScheduleRepository.Upcoming> newer;
        synchronized (this) {
            newer = generation == mine ? null : latest;
        }
        if (newer != null) {
            apply(newer);
        }
    }

    private void apply(Optional<ScheduleRepository.Upcoming> upcoming) {
        if (upcoming.isEmpty()) {
            // nothing waits: keep a switch that happened (evaluations in flight still use the version before it)
            active.armed().filter(b -> b.after().version() != active.activeVersion()).ifPresent(b -> active.disarm());
        } else if (switchesHere(upcoming.get())) {
            active.arm(upcoming.get().at(), upcoming.get().version());
        } else {
            active.disarm(); // the check at the instant will refuse it: evaluations stay on the active version
        }
    }

    /** Called by the watcher's thread: a failure is logged and the next notification or check tries again. */
    public void reloadSafely() {
        try {
            reload();
        } catch (RuntimeException e) {
            if (stopping(e)) {
                LOG.debug("Stopped while reading the scheduled activation", e);
            } else if (ProblemMapping.isDatabaseUnavailable(e)) {
                LOG.warnf("Could not read the scheduled activation (%s); will try again", e.getMessage());
            } else {
                LOG.errorf(e, "Could not read the scheduled activation; will try again");
            }
        }
    }

    /** What this instance can tell now: the version was prepared on the one active here, or it is a rollback. */
    private boolean switchesHere(ScheduleRepository.Upcoming upcoming) {
        return "RETIRED".equals(upcoming.versionStatus()) || ("CANDIDATE".equals(upcoming.versionStatus())
                && Objects.equals(upcoming.baseVersion(), active.activeVersion()));
    }

    private void plan(ScheduleRepository.Upcoming upcoming) {
        cancelTimers();
        planned = upcoming;
        // in nanoseconds: an instant is kept to the microsecond, and a delay cut to whole milliseconds fires early
        long delay = Duration.between(Instant.now(), upcoming.at()).toNanos();
        if (delay > VERIFY_BEFORE.toNanos() * 2) {
            verifyTask = timer.schedule(this::reloadSafely, delay - VERIFY_BEFORE.toNanos(), TimeUnit.NANOSECONDS);
        }
        performTask = timer.schedule(() -> perform(upcoming), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void perform(ScheduleRepository.Upcoming upcoming) {
        Instant fired = Instant.now();
        try {
            ScheduledActivations.Outcome outcome = schedules.perform(upcoming.id());
            active.refresh();
            lastRun = new Run(upcoming.id(), upcoming.at(), fired, outcome, Instant.now());
            LOG.infof("Scheduled activation %d: %s here; timer %d ms after the instant, rules on version %d %d ms"
                    + " after it", upcoming.id(), outcome, lastRun.firedLateMillis(), active.activeVersion(),
                    lastRun.confirmedAfterMillis());
        } catch (RuntimeException e) {
            if (stopping(e)) {
                LOG.debug("Stopped while switching a scheduled activation", e);
            } else if (ProblemMapping.isDatabaseUnavailable(e)) {
                LOG.warnf("Could not switch scheduled activation %d (%s); the next check tries again", upcoming.id(),
                        e.getMessage());
            } else {
                LOG.errorf(e, "Could not switch scheduled activation %d; the next check tries again", upcoming.id());
            }
            return;
        }
        reloadSafely();
    }

    /** The instance is stopping: its threads were interrupted (a compilation in progress ends with an error). */
    private static boolean stopping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private void cancelTimers() {
        if (verifyTask != null) {
            verifyTask.cancel(false);
        }
        if (performTask != null) {
            performTask.cancel(false); // a switch already under way is not interrupted: it ends the schedule once
        }
    }
}
