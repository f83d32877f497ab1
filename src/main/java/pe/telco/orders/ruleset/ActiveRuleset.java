package pe.telco.orders.ruleset;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import pe.telco.orders.engine.CompiledRuleset;
import pe.telco.orders.engine.CompiledRulesets;
import pe.telco.orders.engine.RuleTables;
import pe.telco.orders.engine.RulesetCompiler;

/**
 * The compiled KieBase of the active ruleset version, shared by every evaluation. Compiled once per version; a
 * switch replaces the reference atomically, so an evaluation in flight finishes on the version it started with.
 * Other versions (candidates, versions replayed or previewed) stay compiled while recently used, up to
 * {@code orders.rules.compiled-versions-kept}; a version dropped is compiled again when next needed.
 */
@Startup
@ApplicationScoped
public class ActiveRuleset implements CompiledRulesets {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    private final RulesetService rulesets;
    private final RulesetCompiler compiler = new RulesetCompiler();
    private final AtomicReference<CompiledRuleset> current = new AtomicReference<>();
    private final RecentlyUsed<Integer, CompiledRuleset> compiled;
    private final RecentlyUsed<Integer, List<RuleTables.Table>> tables;

    public ActiveRuleset(RulesetService rulesets, RulesConfig config) {
        this.rulesets = rulesets;
        this.compiled = new RecentlyUsed<>(config.compiledVersionsKept());
        this.tables = new RecentlyUsed<>(config.compiledVersionsKept());
    }

    @PostConstruct
    public void start() {
        rulesets.importInitialIfEmpty();
        refresh();
    }

    @Override
    public CompiledRuleset current() {
        return current.get();
    }

    @Override
    public CompiledRuleset version(int version) {
        CompiledRuleset active = current.get();
        if (active != null && active.version() == version) {
            return active;
        }
        return compiled.get(version, v -> compiler.compile(v, rulesets.files(v)));
    }

    @Override
    public List<RuleTables.Table> tables(int version) {
        return tables.get(version, v -> RuleTables.of(rulesets.files(v)));
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
