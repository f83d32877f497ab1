package pe.telco.orders.ruleset;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The compiled KieBase of the active ruleset version, shared by every evaluation. Compiled once per version; a
 * switch replaces the reference atomically, so an evaluation in flight finishes on the version it started with.
 */
@Startup
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    private final RulesetService rulesets;
    private final RulesetCompiler compiler = new RulesetCompiler();
    private final AtomicReference<CompiledRuleset> current = new AtomicReference<>();
    private final Map<Integer, CompiledRuleset> compiled = new ConcurrentHashMap<>();

    public ActiveRuleset(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @PostConstruct
    public void start() {
        rulesets.importInitialIfEmpty();
        refresh();
    }

    /** The ruleset new evaluations run on. */
    public CompiledRuleset current() {
        return current.get();
    }

    /** Any stored version, compiled on first use (replay, impact preview). */
    public CompiledRuleset version(int version) {
        return compiled.computeIfAbsent(version, v -> compiler.compile(v, rulesets.files(v)));
    }

    /** Keeps a candidate compiled at upload, so preview and activation do not compile it again. */
    public void remember(CompiledRuleset ruleset) {
        compiled.putIfAbsent(ruleset.version(), ruleset);
    }

    /** Reads which version is active and, if it changed, compiles it and switches to it. */
    public synchronized void refresh() {
        RulesetVersion active = rulesets.active();
        CompiledRuleset now = current.get();
        if (now != null && now.version() == active.getVersion()) {
            return;
        }
        CompiledRuleset next = version(active.getVersion());
        current.set(next);
        LOG.infof("Ruleset version %d is active (%d rules, compiled in %d ms)", next.version(), next.catalog().size(),
                next.compileMillis());
    }
}
