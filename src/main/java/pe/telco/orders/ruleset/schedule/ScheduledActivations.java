package pe.telco.orders.ruleset.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.ruleset.CandidateService;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.RulesetRepository;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.RulesetVersion;

/**
 * Activations at an instant: an approver schedules one (checked then as an activation would be), may cancel it until
 * the instant, and at the instant one instance performs it through the ordinary activation, which checks four eyes
 * and the base version again; if they refuse it then, the schedule ends FAILED with the reason.
 */
@ApplicationScoped
public class ScheduledActivations {

    private static final Logger LOG = Logger.getLogger(ScheduledActivations.class);

    private final ScheduleRepository schedules;
    private final RulesetService rulesets;
    private final RulesetRepository versions;
    private final CandidateService candidates;
    private final RulesConfig rules;
    private final ScheduleConfig config;
    private final OperatorTime time;

    public ScheduledActivations(ScheduleRepository schedules, RulesetService rulesets, RulesetRepository versions,
            CandidateService candidates, RulesConfig rules, ScheduleConfig config, OperatorTime time) {
        this.schedules = schedules;
        this.rulesets = rulesets;
        this.versions = versions;
        this.candidates = candidates;
        this.rules = rules;
        this.config = config;
        this.time = time;
    }

    /** How a switch at the instant ended on the instance that tried it. */
    public enum Outcome { SWITCHED, FAILED, ENDED_ELSEWHERE }

    /**
     * Reads an instant as sent: ISO 8601 with an offset ({@code 2027-01-01T00:00:00-05:00}), or a date and time
     * without one, read in Lima ({@code 2027-01-01T00:00}, as a browser's date-time field sends it).
     */
    public static OffsetDateTime instant(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(List.of(new FieldError("at", "is required: the date and time"
                    + " in Lima, e.g. 2027-01-01T00:00", "es obligatoria: la fecha y hora de Lima, p. ej. 2027-01-01T00:00")));
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(OperatorTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new InvalidInput(List.of(new FieldError("at", "«" + shorten(value)
                        + "» is not a date and time: write it as 2027-01-01T00:00 (Lima) or with its offset",
                        "«" + shorten(value) + "» no es una fecha y hora: escríbela como 2027-01-01T00:00 (Lima)")));
            }
        }
    }

    /**
     * Schedules {@code version} to go live at {@code at}, by {@code by}: refused (409) as an activation now would be
     * (four eyes, stale base, withdrawn, already active), or while another schedule waits; a developer's candidate
     * runs its pending checks now; an instant in the past or nearer than {@code orders.rules.schedule.min-lead} is
     * refused (400).
     */
    public ScheduledActivation schedule(int version, OffsetDateTime at, String by, String comment) {
        refuseLonger("comment", comment, 2000);
        refuseInstant(at);
        rulesets.checkActivatable(version, by, rules.fourEyes());
        candidates.checkBeforeActivation(rulesets.find(version));
        ScheduledActivation stored = QuarkusTransaction.requiringNew().call(() -> {
            versions.lockForChange();
            schedules.pending().ifPresent(waiting -> {
                throw new StateConflict("Version " + waiting.getVersion() + " is already scheduled to go live at "
                        + OperatorTime.local(waiting.getSwitchAt()) + " (schedule " + waiting.getId() + "); cancel it"
                        + " first", "PENDING", ResourceRef.of("rulesets/activation-schedules", waiting.getId()),
                        List.of("DELETE"));
            });
            rulesets.checkActivatable(version, by, rules.fourEyes());
            refuseInstant(at);
            ScheduledActivation schedule = new ScheduledActivation(version, at, by, time.now(), comment);
            schedules.persist(schedule);
            schedules.notifyChanged();
            return schedule;
        });
        LOG.infof("Ruleset version %d scheduled by %s to go live at %s", version, by, OperatorTime.local(at));
        return stored;
    }

    /** An approver cancels a waiting schedule, before its instant; who, when and why are kept. */
    @Transactional
    public ScheduledActivation cancel(long id, String by, String reason) {
        refuseLonger("comment", reason, 500);
        versions.lockForChange();
        // the row locked as it is now, not as this transaction may have read it before (cancelPendingOf): a switch or
        // a refusal committed a moment ago is seen, and one about to commit waits for this cancellation
        ScheduledActivation schedule = schedules.lockPending(id).orElseGet(() -> current(id));
        ResourceRef location = ResourceRef.of("rulesets/activation-schedules", id);
        if (schedule.getState() != ScheduleState.PENDING) {
            throw new StateConflict("Schedule " + id + " is " + schedule.getState() + "; only a waiting schedule can be"
                    + " cancelled", schedule.getState().name(), location, List.of());
        }
        if (!time.now().isBefore(schedule.getSwitchAt())) {
            throw new StateConflict("Schedule " + id + " reached its instant (" + OperatorTime.local(
                    schedule.getSwitchAt()) + ") and is being switched; to undo it, activate the previous version",
                    "PENDING", location, List.of());
        }
        schedule.cancel(by, reason, time.now());
        schedules.notifyChanged();
        LOG.infof("Schedule %d (version %d) cancelled by %s", id, schedule.getVersion(), by);
        return schedule;
    }

    /** The waiting schedule of {@code version}, cancelled by an approver. */
    @Transactional
    public ScheduledActivation cancelPendingOf(int version, String by, String reason) {
        return cancel(pendingOf(version).map(ScheduledActivation::getId).orElseThrow(() -> new NotFound(
                "Waiting activation schedule of ruleset version", version)), by, reason);
    }

    /**
     * At the instant: the first instance to lock the waiting schedule activates the version through the ordinary
     * activation (four eyes and base checked again) and records that it did; the others find it ended. A refusal
     * then ends the schedule FAILED, with the refusal as the reason.
     */
    public Outcome perform(long id) {
        try {
            boolean switched = QuarkusTransaction.requiringNew().call(() -> {
                versions.lockForChange(); // first, as cancelling and activating take it: then the row, no deadlock
                Optional<ScheduledActivation> waiting = schedules.lockPending(id);
                if (waiting.isEmpty()) {
                    return false;
                }
                ScheduledActivation schedule = waiting.get();
                int previous = rulesets.active().getVersion();
                RulesetVersion activated = rulesets.activate(schedule.getVersion(), schedule.getScheduledBy(),
                        schedule.getComment(), rules.fourEyes());
                schedule.switched(previous, activated.getActivatedAt());
                schedules.linkActivation(id, schedule.getVersion());
                return true;
            });
            if (switched) {
                LOG.infof("Scheduled activation %d switched", id);
            }
            return switched ? Outcome.SWITCHED : Outcome.ENDED_ELSEWHERE;
        } catch (StateConflict refused) {
            boolean failed = QuarkusTransaction.requiringNew().call(() -> {
                boolean ended = schedules.fail(id, refused.getMessage(), time.now());
                schedules.notifyChanged();
                return ended;
            });
            if (failed) {
                LOG.warnf("Scheduled activation %d refused at its instant: %s", id, refused.getMessage());
            }
            return failed ? Outcome.FAILED : Outcome.ENDED_ELSEWHERE;
        }
    }

    /** The schedule waiting, as each instance reads it to arm its switch. */
    @Transactional
    public Optional<ScheduleRepository.Upcoming> upcoming() {
        return schedules.upcoming();
    }

    @Transactional
    public ScheduledActivation find(long id) {
        return schedules.findByIdOptional(id).orElseThrow(() -> new NotFound("Activation schedule", id));
    }

    private ScheduledActivation current(long id) {
        ScheduledActivation schedule = find(id);
        schedules.getEntityManager().refresh(schedule);
        return schedule;
    }

    /** The schedule waiting, whatever its version. */
    @Transactional
    public Optional<ScheduledActivation> pending() {
        return schedules.pending();
    }

    @Transactional
    public Optional<ScheduledActivation> pendingOf(int version) {
        return schedules.pending().filter(s -> s.getVersion() == version);
    }

    /** Every schedule, newest first; or a version's. */
    @Transactional
    public Page<ScheduledActivation> list(Integer version, int page, int size) {
        Page.validate(page, size);
        var query = version == null ? schedules.find("order by scheduledAt desc, id desc")
                : schedules.find("version = ?1 order by scheduledAt desc, id desc", version);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    private void refuseInstant(OffsetDateTime at) {
        OffsetDateTime now = time.now();
        Duration ahead = Duration.between(now, at);
        if (ahead.compareTo(config.minLead()) < 0) {
            throw new InvalidInput(List.of(new FieldError("at", OperatorTime.local(at)
                    + (ahead.isNegative() ? " has passed" : " is too near") + " (it is " + now + " in Lima): schedule at"
                    + " least " + config.minLead().toSeconds() + " s ahead, so every instance is ready", OperatorTime.local(at)
                    + (ahead.isNegative() ? " ya pasó" : " está demasiado cerca") + " (en Lima son las " + now
                    + "): programa al menos " + config.minLead().toSeconds() + " s antes, para que todas las instancias"
                    + " estén listas")));
        }
        if (ahead.compareTo(config.maxLead()) > 0) {
            throw new InvalidInput(List.of(new FieldError("at", OperatorTime.local(at)
                    + " is more than " + config.maxLead().toDays() + " days ahead", OperatorTime.local(at)
                    + " está a más de " + config.maxLead().toDays() + " días")));
        }
    }

    private static void refuseLonger(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidInput(List.of(new FieldError(field, "must be at most " + max + " characters",
                    "debe tener como máximo " + max + " caracteres")));
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
