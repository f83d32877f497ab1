package pe.telco.orders.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.evaluation.EvaluationFacts;
import pe.telco.orders.evaluation.FactsSnapshot;
import pe.telco.orders.evaluation.OrderEvaluator;
import pe.telco.orders.evaluation.RulesFailed;
import pe.telco.orders.ruleset.impact.SnapshotReader;
import pe.telco.orders.ruleset.tables.DecisionTableReader;
import pe.telco.orders.ruleset.tables.ExampleCases;
import pe.telco.orders.ruleset.tables.TableWarnings;

/**
 * Checks an upload before anything is stored: the active files with the uploaded ones replacing or adding and the
 * removed ones dropped are compiled in isolation, the workbooks' example cases run, and the most recent stored
 * orders re-run under the candidate. Any problem refuses the upload (422, nothing stored); warnings do not.
 */
@ApplicationScoped
public class CandidateService {

    /** What a business user sends: files, names of files to drop, who and why. */
    public record Upload(List<RuleFile> files, List<String> remove, String author, String comment) {
    }

    /** A stored candidate with what its checks found. */
    public record Candidate(RulesetVersion version, UploadReport report) {
    }

    private final RulesetService rulesets;
    private final ActiveRuleset active;
    private final SnapshotReader snapshots;
    private final RulesConfig config;
    private final ObjectMapper json;
    private final RulesetCompiler compiler = new RulesetCompiler();
    private final OrderEvaluator evaluator = new OrderEvaluator();

    public CandidateService(RulesetService rulesets, ActiveRuleset active, SnapshotReader snapshots,
            RulesConfig config, ObjectMapper json) {
        this.rulesets = rulesets;
        this.active = active;
        this.snapshots = snapshots;
        this.config = config;
        this.json = json;
    }

    public Candidate upload(Upload upload) {
        validate(upload);
        RulesetVersion base = rulesets.active();
        List<RuleFile> files = merge(rulesets.files(base.getVersion()), upload);
        String hash = RulesetCompiler.contentHash(files);
        if (hash.equals(base.getContentHash())) {
            throw new RulesetInvalid(List.of(RuleProblem.inFile("(ruleset)", "These files are identical to the active"
                    + " version " + base.getVersion() + ": there is nothing to change")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        upload.files().stream().filter(f -> f.content().length == 0)
                .forEach(f -> problems.add(RuleProblem.inFile(f.name(), "The file is empty")));
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
        CompiledRuleset candidate = compiler.compile(0, files);
        List<ExampleCases.ExampleResult> examples = new ArrayList<>();
        for (RuleFile file : files) {
            examples.addAll(new ExampleCases().run(file, candidate, problems));
        }
        int[] unreadable = {0};
        int checked = checkSnapshots(candidate, problems, unreadable);
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
        UploadReport report = new UploadReport(warnings(upload.files()), examples, checked, unreadable[0]);
        RulesetVersion stored = rulesets.storeCandidate(files, hash, base.getVersion(), upload.author(),
                upload.comment(), write(report));
        active.remember(new CompiledRuleset(stored.getVersion(), hash, candidate.kieBase(), candidate.catalog(),
                candidate.compileMillis()));
        return new Candidate(stored, report);
    }

    private static final java.util.regex.Pattern SAFE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static void validate(Upload upload) {
        List<FieldError> errors = new ArrayList<>();
        if (upload.author() == null || upload.author().isBlank()) {
            errors.add(new FieldError("author", "is required: send the X-User header or an author form field"));
        }
        if (upload.files().isEmpty() && upload.remove().isEmpty()) {
            errors.add(new FieldError("files", "send at least one file, or name a file to remove"));
        }
        for (RuleFile file : upload.files()) {
            if (!SAFE_NAME.matcher(file.name()).matches()) {
                errors.add(new FieldError("files", "file name '" + file.name().replaceAll("[^\\p{Print}]", "?")
                        + "' may use only letters, digits, dots, dashes and underscores (at most 100)"));
            } else if (!file.isDrl() && !file.isDecisionTable()) {
                errors.add(new FieldError(file.name(), "only .drl files and .drl.xlsx decision tables are rules"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static List<RuleFile> merge(List<RuleFile> current, Upload upload) {
        Map<String, RuleFile> files = new TreeMap<>();
        current.forEach(f -> files.put(f.name(), f));
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : upload.remove()) {
            if (files.remove(name) == null) {
                problems.add(new RuleProblem("remove", "The active ruleset has no file " + name));
            }
        }
        upload.files().forEach(f -> files.put(f.name(), f));
        if (!problems.isEmpty()) {
            throw new RulesetInvalid(problems);
        }
        return List.copyOf(files.values());
    }

    /** Re-runs the newest stored orders; a rule that throws on a real order is an error naming order and rule. */
    private int checkSnapshots(CompiledRuleset candidate, List<RuleProblem> problems, int[] unreadable) {
        int limit = config.uploadSnapshotCheck();
        if (limit <= 0) {
            return 0;
        }
        List<SnapshotReader.Snapshot> recent = snapshots.page(new SnapshotReader.Selection(limit, null, null),
                null, limit);
        for (SnapshotReader.Snapshot snapshot : recent) {
            EvaluationFacts facts;
            try {
                facts = FactsSnapshot.read(json, snapshot.facts());
            } catch (RuntimeException e) {
                unreadable[0]++;
                continue;
            }
            try {
                evaluator.evaluate(candidate, facts);
            } catch (RulesFailed e) {
                problems.add(new RuleProblem("order " + snapshot.orderNumber(), "Rule "
                        + (e.ruleId() == null ? "(a condition)" : e.ruleId()) + " fails on the facts of order "
                        + snapshot.orderNumber() + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(new RuleProblem("order " + snapshot.orderNumber(), "The rules fail on the facts of order "
                        + snapshot.orderNumber() + ": " + e));
            }
            if (problems.size() >= 20) {
                break;
            }
        }
        return recent.size();
    }

    private static List<UploadReport.Warning> warnings(List<RuleFile> uploaded) {
        List<UploadReport.Warning> warnings = new ArrayList<>();
        for (RuleFile file : uploaded.stream().filter(RuleFile::isDecisionTable).toList()) {
            for (DecisionTableReader.Table table : new DecisionTableReader().read(file, new ArrayList<>())) {
                TableWarnings.of(table).forEach(w -> warnings.add(UploadReport.Warning.of(w)));
            }
        }
        return warnings;
    }

    private String write(UploadReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the upload report", e);
        }
    }
}
