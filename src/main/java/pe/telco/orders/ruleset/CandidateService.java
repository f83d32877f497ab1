package pe.telco.orders.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.record.SnapshotReader;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.RulesetCompiler;
import pe.telco.orders.engine.RulesetInvalid;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.tables.ExampleCases;
import pe.telco.orders.engine.tables.TableStructure;
import pe.telco.orders.engine.tables.TableWarnings;
import pe.telco.orders.ruleset.sandbox.CandidateChecks;
import pe.telco.orders.ruleset.sandbox.CandidateSandbox;

/**
 * Checks an upload before anything is stored. A business user's upload carries values only: its tables must keep the
 * structure of the version it is based on, every cell must read as its column's type, and DRL files, new tables and
 * removals are refused. Then the candidate (the active files with the uploaded ones replacing them) is compiled, its
 * examples run and the most recent stored orders re-run, in the sandbox process. Any problem refuses the upload (422,
 * nothing stored); warnings do not. A developer's upload is compiled in the sandbox and stored with its checks
 * pending: nothing of it runs before a second person activates it.
 */
@ApplicationScoped
public class CandidateService {

    private static final Logger LOG = Logger.getLogger(CandidateService.class);

    /** What is sent: files, names of files to drop, who and why, and whether the sender owns code and structure. */
    public record Upload(List<RuleFile> files, List<String> remove, String author, String comment,
            boolean developer) {

        public Upload(List<RuleFile> files, List<String> remove, String author, String comment) {
            this(files, remove, author, comment, false);
        }
    }

    /** A stored candidate with what its checks found. */
    public record Candidate(RulesetVersion version, UploadReport report) {
    }

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final RulesetService rulesets;
    private final SnapshotReader snapshots;
    private final CandidateSandbox sandbox;
    private final RulesConfig config;
    private final ObjectMapper json;
    private final TableStructure structure = new TableStructure();

    public CandidateService(RulesetService rulesets, SnapshotReader snapshots, CandidateSandbox sandbox,
            RulesConfig config, ObjectMapper json) {
        this.rulesets = rulesets;
        this.snapshots = snapshots;
        this.sandbox = sandbox;
        this.config = config;
        this.json = json;
    }

    public Candidate upload(Upload upload) {
        validate(upload);
        RulesetVersion base = rulesets.active();
        List<RuleFile> baseFiles = rulesets.files(base.getVersion());
        List<RuleFile> files = merge(baseFiles, upload);
        String hash = RulesetCompiler.contentHash(files);
        if (hash.equals(base.getContentHash())) {
            throw new RulesetInvalid(List.of(RuleProblem.inFile("(ruleset)", "These files are identical to the active"
                    + " version " + base.getVersion() + ": there is nothing to change", "Estos archivos son iguales a"
                    + " los de la versión activa " + base.getVersion() + ": no hay nada que cambiar")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        if (!upload.developer()) {
            checkValuesOnly(upload, baseFiles, base.getVersion(), problems);
        }
        throwIfAny(problems);
        CandidateChecks.Result checked = sandbox.check(new CandidateChecks.Request(files, upload.developer(),
                upload.developer() ? List.of() : recentOrders(), config.limits().rowsPerTable()));
        throwIfAny(checked.problems());
        UploadReport report = new UploadReport(withoutContradictions(warnings(upload.files(), baseFiles),
                checked.examples()), checked.examples(),
                checked.snapshotsChecked(), checked.snapshotsUnreadable(), upload.developer(), checked.suite(),
                checked.coverage());
        RulesetVersion stored = rulesets.storeCandidate(files, hash, base.getVersion(), upload.author(),
                upload.comment(), write(report));
        return new Candidate(stored, report);
    }

    /**
     * The checks a developer's candidate still owes, run when a second person activates it: its examples, the recent
     * orders and its regression suite, in the sandbox. Their results (suite cases and row coverage) replace the
     * pending report, so the suite gate and the version page see them. Versions uploaded by business users were
     * checked at upload.
     */
    public void checkBeforeActivation(RulesetVersion version) {
        if (!checksPending(version)) {
            return;
        }
        CandidateChecks.Result checked = sandbox.check(new CandidateChecks.Request(rulesets.files(version.getVersion()),
                false, recentOrders(), config.limits().rowsPerTable()));
        throwIfAny(checked.problems());
        UploadReport pending = storedReport(version);
        rulesets.updateReport(version.getVersion(), write(new UploadReport(pending.warnings(), checked.examples(),
                checked.snapshotsChecked(), checked.snapshotsUnreadable(), false, checked.suite(),
                checked.coverage())));
    }

    private UploadReport storedReport(RulesetVersion version) {
        try {
            return json.readValue(version.getReport(), UploadReport.class);
        } catch (JsonProcessingException e) {
            return new UploadReport(List.of(), List.of(), 0, 0, true);
        }
    }

    private boolean checksPending(RulesetVersion version) {
        if (version.getStatus() != RulesetStatus.CANDIDATE || version.getReport() == null) {
            return false;
        }
        try {
            return json.readTree(version.getReport()).path("checksPending").asBoolean(false);
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    /** Business content is values: no code, no new or removed tables, every table's structure as in its base. */
    private void checkValuesOnly(Upload upload, List<RuleFile> baseFiles, int baseVersion, List<RuleProblem> problems) {
        for (String removed : upload.remove()) {
            problems.add(RuleProblem.inFile(removed, "Files are removed by developers with a release; upload the"
                    + " tables you changed instead", "Los archivos los quitan los desarrolladores; sube solo las"
                    + " tablas que cambiaste"));
        }
        DecisionTableReader reader = new DecisionTableReader(limits());
        for (RuleFile file : upload.files()) {
            if (file.isSuite()) {
                continue; // the regression suite is the business's own: new or changed, it is read in the sandbox
            }
            if (file.isDrl()) {
                problems.add(RuleProblem.inFile(file.name(), "DRL rules are code: they change through the repository"
                        + " and a release (or a developer's upload), never through a business upload. Change the"
                        + " decision tables instead", "Las reglas DRL son código: las cambian los desarrolladores, no"
                        + " una carga del negocio. Cambia las tablas de decisión"));
                continue;
            }
            Optional<RuleFile> base = baseFiles.stream().filter(f -> f.name().equals(file.name())).findFirst();
            if (base.isEmpty()) {
                problems.add(RuleProblem.inFile(file.name(), "The active version has no table " + file.name()
                        + "; new tables are added by developers with a release. Download a table, change its"
                        + " rows and upload it with the same name", "La versión activa no tiene la tabla "
                        + file.name() + "; las tablas nuevas las agregan los desarrolladores. Descarga una tabla,"
                        + " cambia sus filas y súbela con el mismo nombre"));
                continue;
            }
            List<RuleProblem> found = new ArrayList<>();
            List<DecisionTableReader.Table> tables = reader.read(file, found);
            problems.addAll(found);
            if (found.isEmpty()) {
                List<DecisionTableReader.Table> baseTables = reader.read(base.get(), new ArrayList<>());
                problems.addAll(structure.compare(file, tables, base.get(), baseTables, baseVersion));
            }
        }
    }

    private DecisionTableReader.Limits limits() {
        RulesConfig.Limits limits = config.limits();
        return new DecisionTableReader.Limits(limits.rowsPerTable(), limits.sheetsPerWorkbook(), limits.bytesPerPart(),
                limits.bytesPerWorkbook());
    }

    private void validate(Upload upload) {
        List<FieldError> errors = new ArrayList<>();
        if (upload.author() == null || upload.author().isBlank()) {
            errors.add(new FieldError("author", "is required: send the X-User header or an author form field",
                    "falta el autor de la carga"));
        }
        if (upload.files().isEmpty() && upload.remove().isEmpty()) {
            errors.add(new FieldError("files", "send at least one file, or name a file to remove",
                    "elige al menos un archivo"));
        }
        for (RuleFile file : upload.files()) {
            if (!SAFE_NAME.matcher(file.name()).matches()) {
                errors.add(new FieldError("files", "file name '" + file.name().replaceAll("[^\\p{Print}]", "?")
                        + "' may use only letters, digits, dots, dashes and underscores (at most 100)",
                        "el nombre de archivo «" + file.name().replaceAll("[^\\p{Print}]", "?") + "» solo puede"
                                + " tener letras, dígitos, puntos, guiones y guiones bajos (hasta 100)"));
            } else if (!file.isDrl() && !file.isDecisionTable() && !file.isSuite()) {
                errors.add(new FieldError(file.name(), "only .drl files, .drl.xlsx decision tables and .suite.xlsx"
                        + " regression suites belong to a ruleset", "solo son reglas los archivos .drl y las tablas"
                        + " de decisión .drl.xlsx (y las baterías de casos .suite.xlsx); guarda el libro como .xlsx con"
                        + " un nombre que termine en .drl.xlsx"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : upload.files()) {
            if (file.content().length == 0) {
                problems.add(RuleProblem.inFile(file.name(), "The file is empty", "El archivo está vacío"));
            } else if (file.content().length > config.limits().fileBytes()) {
                problems.add(RuleProblem.inFile(file.name(), "The file has " + file.content().length / 1024
                        + " KB; a rule file may have at most " + config.limits().fileBytes() / 1024 + " KB",
                        "El archivo tiene " + file.content().length / 1024 + " KB; un archivo de reglas puede tener"
                                + " como máximo " + config.limits().fileBytes() / 1024 + " KB"));
            }
        }
        throwIfAny(problems);
    }

    private static List<RuleFile> merge(List<RuleFile> current, Upload upload) {
        Map<String, RuleFile> files = new TreeMap<>();
        current.forEach(f -> files.put(f.name(), f));
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : upload.remove()) {
            if (files.remove(name) == null) {
                problems.add(new RuleProblem("remove", "The active ruleset has no file " + name,
                        "La versión activa no tiene el archivo " + name));
            }
        }
        upload.files().forEach(f -> files.put(f.name(), f));
        throwIfAny(problems);
        return List.copyOf(files.values());
    }

    /** The newest stored orders' facts, re-run under the candidate. */
    private List<CandidateChecks.Snapshot> recentOrders() {
        int limit = config.uploadSnapshotCheck();
        if (limit <= 0) {
            return List.of();
        }
        return snapshots.page(new SnapshotReader.Selection(limit, null, null), null, limit).stream()
                .map(s -> new CandidateChecks.Snapshot(s.orderNumber(), s.facts())).toList();
    }

    /** The uploaded tables' warnings, each marked when the same table of the base version already had it. */
    private List<UploadReport.Warning> warnings(List<RuleFile> uploaded, List<RuleFile> baseFiles) {
        List<UploadReport.Warning> warnings = new ArrayList<>();
        for (RuleFile file : uploaded.stream().filter(RuleFile::isDecisionTable).toList()) {
            java.util.Set<String> before = new java.util.HashSet<>();
            baseFiles.stream().filter(f -> f.name().equals(file.name())).findFirst()
                    .ifPresent(base -> tableWarnings(base).forEach(w -> before.add(sameWarning(w))));
            tableWarnings(file).forEach(w -> warnings.add(UploadReport.Warning.of(w, before.contains(sameWarning(w)))));
        }
        return warnings;
    }

    /**
     * No warning may contradict an example result: a row an example saw firing is not reported as one that can never
     * fire (the engine decides; the checker's reading disagreeing with it is logged to be fixed).
     */
    private static List<UploadReport.Warning> withoutContradictions(List<UploadReport.Warning> warnings,
            List<ExampleCases.ExampleResult> examples) {
        return warnings.stream().filter(w -> {
            boolean contradicted = TableWarnings.contradictedBy(w.field(), w.message(), examples);
            if (contradicted) {
                LOG.warnf("Warning dropped at %s because an example fired the row: %s", w.field(), w.message());
            }
            return !contradicted;
        }).toList();
    }

    private List<RuleProblem> tableWarnings(RuleFile file) {
        List<RuleProblem> warnings = new ArrayList<>();
        for (DecisionTableReader.Table table : new DecisionTableReader(limits()).read(file, new ArrayList<>())) {
            warnings.addAll(TableWarnings.of(table));
        }
        return warnings;
    }

    /** A warning as it reads without row numbers, which move when a row is inserted above. */
    private static String sameWarning(RuleProblem warning) {
        return warning.message().replaceAll("\\(row \\d+\\)|, row \\d+", "");
    }

    private static void throwIfAny(List<RuleProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
    }

    private String write(UploadReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the upload report", e);
        }
    }
}
