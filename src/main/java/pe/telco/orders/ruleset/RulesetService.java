package pe.telco.orders.ruleset;

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
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;

/** The life of ruleset versions in the database: the first import, reading versions and their files. */
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);
    static final String INITIAL_IMPORT = "system:initial-import";

    private final RulesetRepository rulesets;
    private final RulesConfig config;
    private final OperatorTime time;

    public RulesetService(RulesetRepository rulesets, RulesConfig config, OperatorTime time) {
        this.rulesets = rulesets;
        this.config = config;
        this.time = time;
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

    private void recordActivation(int version, Integer previous, String by, String reason, OffsetDateTime at) {
        rulesets.getEntityManager().createNativeQuery("insert into ruleset_activation"
                        + " (version, previous, activated_at, activated_by, reason) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, version).setParameter(2, previous).setParameter(3, at).setParameter(4, by)
                .setParameter(5, reason).executeUpdate();
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
                    if (name.endsWith(".drl") || name.endsWith(".drl.xlsx")) {
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
