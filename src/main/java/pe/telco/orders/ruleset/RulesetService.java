package pe.telco.orders.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.ResourceRef;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.common.Unprocessable;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RulesetCompiler;

/** The life of ruleset versions in the database: first import, candidates, activation, reading versions and files. */
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);
    static final String INITIAL_IMPORT = "system:initial-import";

    private final RulesetRepository rulesets;
    private final RulesConfig config;
    private final OperatorTime time;
    private final ObjectMapper json;

    public RulesetService(RulesetRepository rulesets, RulesConfig config, OperatorTime time, ObjectMapper json) {
        this.rulesets = rulesets;
        this.config = config;
        this.time = time;
        this.json = json;
    }

    /**
     * On the very first start, the files in the rules and decision-tables folders become version 1, active. After
     * that the folders are not read again, so a restart never changes the live rules.
     */
    @Transactional
    public void importInitialIfEmpty() {
        rulesets.lockForImport();
        if (rulesets.lastVersion() > 0) {
            return;
        }
        List<RuleFile> files = readFolders();
        new RulesetCompiler().compile(1, files);
        OffsetDateTime now = time.now();
        RulesetVersion first = new RulesetVersion(1, RulesetCompiler.contentHash(files), null, INITIAL_IMPORT,
                "Initial ruleset imported from " + config.rulesDirectory() + "/ and "
                        + config.decisionTablesDirectory() + "/", now);
        first.activate(INITIAL_IMPORT, now);
        rulesets.persist(first);
        rulesets.flush();
        files.forEach(file -> rulesets.storeFile(new StoredRuleFile(1, file)));
        recordActivation(1, null, INITIAL_IMPORT, "initial import", now);
        LOG.infof("Imported the initial ruleset (%d files) as version 1", files.size());
    }

    @Transactional
    public RulesetVersion active() {
        return rulesets.findActive().orElseThrow(() -> new NotFound("Active ruleset", "(none)"));
    }

    @Transactional
    public List<RuleFile> files(int version) {
        if (rulesets.findByIdOptional(version).isEmpty()) {
            throw new NotFound("Ruleset version", version);
        }
        return rulesets.filesOf(version);
    }

    /** Stores a checked candidate as the next version, based on the version that was active when it was checked. */
    @Transactional
    public RulesetVersion storeCandidate(List<RuleFile> files, String hash, int base, String author, String comment,
            String report) {
        rulesets.lockForChange();
        int version = rulesets.lastVersion() + 1;
        RulesetVersion candidate = new RulesetVersion(version, hash, base, author, comment, time.now());
        candidate.report(report);
        rulesets.persist(candidate);
        rulesets.flush();
        files.forEach(file -> rulesets.storeFile(new StoredRuleFile(version, file)));
        return candidate;
    }

    /**
     * Makes a version the active one in one transaction, and tells every instance when it commits. A candidate must
     * be based on the active version (else it would silently undo that version's changes) and, with four eyes on,
     * be activated by someone other than its author. A RETIRED version may always come back: that is a rollback.
     */
    @Transactional
    public RulesetVersion activate(int version, String by, String comment, boolean fourEyes) {
        return activate(version, by, comment, fourEyes, null);
    }

    /**
     * As {@link #activate(int, String, String, boolean)}; a candidate whose regression suite has failing cases is
     * refused unless {@code suiteOverride} gives the approver's reason, recorded with the activation together with
     * the cases that failed.
     */
    @Transactional
    public RulesetVersion activate(int version, String by, String comment, boolean fourEyes, String suiteOverride) {
        rulesets.lockForChange();
        RulesetVersion target = find(version);
        RulesetVersion current = active();
        List<String> overridden = refuseIfNotActivatable(target, current, by, fourEyes, suiteOverride);
        OffsetDateTime now = time.now();
        current.retire();
        rulesets.flush();
        target.activate(by, now);
        rulesets.flush();
        recordActivation(version, current.getVersion(), by, comment, now);
        if (!overridden.isEmpty()) {
            recordSuiteOverride(version, now, suiteOverride.strip(), overridden);
            LOG.warnf("Ruleset version %d activated by %s with failing suite cases %s: %s", version, by, overridden,
                    suiteOverride.strip());
        }
        rulesets.notifyActivated(version);
        LOG.infof("Ruleset version %d activated by %s (was %d)", version, by, current.getVersion());
        return target;
    }

    /**
     * The author withdraws a candidate: it stays in the record, marked WITHDRAWN with who, when and why, and can never
     * be activated. Only a CANDIDATE can be withdrawn, and only by the person who uploaded it.
     */
    @Transactional
    public RulesetVersion withdraw(int version, String by, String reason) {
        rulesets.lockForChange();
        RulesetVersion target = find(version);
        ResourceRef location = ResourceRef.of("rulesets", version);
        if (target.getStatus() != RulesetStatus.CANDIDATE) {
            throw new StateConflict("Ruleset version " + version + " is " + target.getStatus()
                    + "; only a candidate can be withdrawn", target.getStatus().name(), location, List.of());
        }
        if (!target.getAuthor().equalsIgnoreCase(by)) {
            throw new StateConflict("Ruleset version " + version + " was uploaded by " + target.getAuthor()
                    + "; only its author may withdraw it", "CANDIDATE", location, List.of());
        }
        target.withdraw(by, reason, time.now());
        LOG.infof("Ruleset version %d withdrawn by %s", version, by);
        return target;
    }

    /**
     * One activation or rollback: which version went live, which it replaced, who, when and why; for a scheduled one,
     * also who scheduled it and for when ({@code activatedAt} is then the actual switch); when the approver overrode
     * failing regression suite cases, the reason given and the cases that failed.
     */
    public record Activation(int version, Integer previous, OffsetDateTime activatedAt, String activatedBy,
            String reason, boolean rollback, Long scheduleId, OffsetDateTime scheduledFor, String scheduledBy,
            String suiteOverride, List<String> suiteFailedCases) {
    }

    /** Every activation and rollback, newest first. */
    @Transactional
    public Page<Activation> activations(int page, int size) {
        Page.validate(page, size);
        var em = rulesets.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.version, a.previous, a.activated_at, a.activated_by,"
                        + " a.reason, exists (select 1 from ruleset_activation b where b.version = a.version"
                        + " and b.activated_at < a.activated_at), s.id, s.switch_at, s.scheduled_by,"
                        + " a.suite_override_reason, a.suite_failed_cases"
                        + " from ruleset_activation a left join ruleset_schedule s on s.id = a.schedule_id"
                        + " order by a.activated_at desc, a.version desc")
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from ruleset_activation").getSingleResult())
                .longValue();
        List<Activation> items = rows.stream().map(r -> new Activation(((Number) r[0]).intValue(),
                r[1] == null ? null : ((Number) r[1]).intValue(), toOffset(r[2]), (String) r[3], (String) r[4],
                (Boolean) r[5], r[6] == null ? null : ((Number) r[6]).longValue(), r[7] == null ? null : toOffset(r[7]),
                (String) r[8], (String) r[9], r[10] == null ? List.of() : List.of(((String) r[10]).split("\n"))))
                .toList();
        return new Page<>(items, page, size, total);
    }

    private OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at;
        }
        java.time.Instant instant = value instanceof java.time.Instant i ? i : ((java.sql.Timestamp) value).toInstant();
        return instant.atZone(time.now().getOffset()).toOffsetDateTime();
    }

    /** Refuses, as activation would, a version that may not be activated now by {@code by}; changes nothing. */
    @Transactional
    public void checkActivatable(int version, String by, boolean fourEyes) {
        checkActivatable(version, by, fourEyes, null);
    }

    /** As {@link #checkActivatable(int, String, boolean)}, with the approver's reason to override failing suite cases. */
    @Transactional
    public void checkActivatable(int version, String by, boolean fourEyes, String suiteOverride) {
        refuseIfNotActivatable(find(version), active(), by, fourEyes, suiteOverride);
    }

    /**
     * The checks of {@link #refuseIfNotActivatable(RulesetVersion, RulesetVersion, String, boolean)}, then the
     * regression suite gate: a candidate with failing suite cases goes live only with a reason to override them.
     * Answers the failing cases being overridden (none when the suite passes). A rollback is never gated: the
     * version was live before and going back must stay possible in an emergency.
     */
    private List<String> refuseIfNotActivatable(RulesetVersion target, RulesetVersion current, String by,
            boolean fourEyes, String suiteOverride) {
        refuseIfNotActivatable(target, current, by, fourEyes);
        if (target.getStatus() != RulesetStatus.CANDIDATE) {
            return List.of();
        }
        List<String> failing = failingSuiteCases(target);
        if (!failing.isEmpty() && (suiteOverride == null || suiteOverride.isBlank())) {
            throw new Unprocessable("suite-failing", "Ruleset version " + target.getVersion() + " fails "
                    + failing.size() + " regression suite case(s): " + String.join(", ", failing) + ". Fix the tables"
                    + " or the suite and upload again, or activate with a suiteOverride giving the reason",
                    failing.stream().map(c -> new FieldError(c, "the regression suite case"
                            + " does not give the expected decision and reasons", "el caso de la batería de regresión"
                            + " no da la decisión y los motivos esperados")).toList());
        }
        if (suiteOverride != null && suiteOverride.strip().length() > 2000) {
            throw new InvalidInput(List.of(new FieldError(
                    "suiteOverride", "may have at most 2000 characters", "puede tener como máximo 2000 caracteres")));
        }
        return failing;
    }

    /** The failing suite cases in the version's stored report, as {@code CASE-ID (file!sheet!cell)}. */
    public List<String> failingSuiteCases(RulesetVersion version) {
        if (version.getReport() == null) {
            return List.of();
        }
        try {
            List<String> failing = new ArrayList<>();
            for (var c : json.readTree(version.getReport()).path("suite")) {
                if (!c.path("passed").asBoolean(false)) {
                    failing.add(c.path("id").asText() + " (" + c.path("location").asText() + ")");
                }
            }
            return failing;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored report of ruleset version " + version.getVersion()
                    + " cannot be read", e);
        }
    }

    /** Replaces a candidate's report once its pending checks ran at activation time. */
    @Transactional
    public void updateReport(int version, String report) {
        find(version).report(report);
    }

    private void refuseIfNotActivatable(RulesetVersion target, RulesetVersion current, String by, boolean fourEyes) {
        ResourceRef location = ResourceRef.of("rulesets", target.getVersion());
        if (target.getStatus() == RulesetStatus.WITHDRAWN) {
            throw new StateConflict("Ruleset version " + target.getVersion() + " was withdrawn by "
                    + target.getWithdrawnBy() + " and can never be activated", "WITHDRAWN", location, List.of());
        }
        if (target.getStatus() == RulesetStatus.ACTIVE) {
            throw new StateConflict("Ruleset version " + target.getVersion() + " is already active", "ACTIVE",
                    location, List.of());
        }
        if (target.getStatus() == RulesetStatus.CANDIDATE
                && !java.util.Objects.equals(target.getBaseVersion(), current.getVersion())) {
            throw new StateConflict("Ruleset version " + target.getVersion() + " was prepared on version "
                    + target.getBaseVersion() + ", but version " + current.getVersion() + " is active now: activating it"
                    + " would undo the changes of version " + current.getVersion() + ". Download the active files,"
                    + " apply your change again and upload it (rebase)", "CANDIDATE", location,
                    List.of("POST /api/rulesets"));
        }
        if (target.getStatus() == RulesetStatus.CANDIDATE && fourEyes && target.getAuthor().equalsIgnoreCase(by)) {
            throw new StateConflict("Ruleset version " + target.getVersion() + " was uploaded by " + by
                    + "; a second person must activate it (four eyes)", "CANDIDATE", location, List.of());
        }
    }

    @Transactional
    public RulesetVersion find(int version) {
        return rulesets.findByIdOptional(version).orElseThrow(() -> new NotFound("Ruleset version", version));
    }

    @Transactional
    public Page<RulesetVersion> list(int page, int size) {
        Page.validate(page, size);
        var query = rulesets.find("order by version desc");
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Name, size and SHA-256 of each file of a version. */
    @Transactional
    public List<StoredRuleFile> storedFiles(int version) {
        find(version);
        return rulesets.storedFilesOf(version);
    }

    @Transactional
    public RuleFile file(int version, String name) {
        return files(version).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("File of ruleset version " + version, name));
    }

    private void recordActivation(int version, Integer previous, String by, String reason, OffsetDateTime at) {
        rulesets.getEntityManager().createNativeQuery("insert into ruleset_activation"
                        + " (version, previous, activated_at, activated_by, reason) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, version).setParameter(2, previous).setParameter(3, at).setParameter(4, by)
                .setParameter(5, reason).executeUpdate();
    }

    /** The override goes on the activation's own row: who and when are the activation's, one failing case a line. */
    private void recordSuiteOverride(int version, OffsetDateTime at, String reason, List<String> failing) {
        rulesets.getEntityManager().createNativeQuery("update ruleset_activation set suite_override_reason = ?1,"
                        + " suite_failed_cases = ?2 where version = ?3 and activated_at = ?4")
                .setParameter(1, reason).setParameter(2, String.join("\n", failing)).setParameter(3, version)
                .setParameter(4, at).executeUpdate();
    }

    private List<RuleFile> readFolders() {
        List<RuleFile> files = new ArrayList<>();
        for (String folder : List.of(config.rulesDirectory(), config.decisionTablesDirectory())) {
            Path dir = Path.of(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("The database has no ruleset yet and the folder " + dir.toAbsolutePath()
                        + " does not exist: start the service from the project folder, or set orders.rules."
                        + "rules-directory and orders.rules.decision-tables-directory");
            }
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                    String name = path.getFileName().toString();
                    if (name.endsWith(".drl") || name.endsWith(".drl.xlsx") || name.endsWith(".suite.xlsx")) {
                        files.add(new RuleFile(name, Files.readAllBytes(path)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the initial rules in " + dir, e);
            }
        }
        return files;
    }
}
