package pe.telco.orders.ruleset;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
    private final AtomicReference<Boundary> boundary = new AtomicReference<>();
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
        return currentAt(Instant.now());
    }

    /**
     * The version an evaluation taken at {@code at} runs on. With a scheduled switch armed, the instant decides (the
     * version before it, or the scheduled one from it on), on every instance alike and even before the database
     * switch is known here; otherwise the active version.
     */
    @Override
    public CompiledRuleset currentAt(OffsetDateTime at) {
        return currentAt(at.toInstant());
    }

    private CompiledRuleset currentAt(Instant at) {
        Boundary armed = boundary.get();
        if (armed != null) {
            return at.isBefore(armed.at()) ? armed.before() : armed.after();
        }
        return current.get();
    }

    /**
     * Arms a scheduled switch: evaluations from {@code at} on run {@code version} (compiled now, ahead of the instant),
     * those before it the version active now. Kept until disarmed or another version goes live.
     */
    public synchronized void arm(Instant at, int version) {
        Boundary armed = boundary.get();
        CompiledRuleset now = current.get();
        if (now.version() == version || (armed != null && armed.at().equals(at) && armed.after().version() == version
                && armed.before() == now)) {
            return; // already switched here, or armed so
        }
        boundary.set(new Boundary(at, now, version(version)));
        LOG.infof("Ruleset version %d will be used from %s (version %d until then)", version, at, now.version());
    }

    /** Forgets a scheduled switch that will not happen (cancelled, or refused at its instant). */
    public synchronized void disarm() {
        if (boundary.getAndSet(null) != null) {
            LOG.info("Scheduled ruleset switch disarmed");
        }
    }

    /** The switch armed, if any: its instant and the version scheduled. */
    public Optional<Boundary> armed() {
        return Optional.ofNullable(boundary.get());
    }

    /** The active version this instance knows from the database (a scheduled switch not counted). */
    public int activeVersion() {
        return current.get().version();
    }

    /**
     * A switch armed here no longer describes this instance once another version went live, or once the scheduled
     * version, already live here, was replaced (a rollback). Before the switch is confirmed, the version before it
     * being active is expected: the instant may have passed while the database switch is still on its way.
     */
    private static boolean outlived(Boundary armed, CompiledRuleset now, int active) {
        boolean switched = now != null && now.version() == armed.after().version();
        return switched ? active != armed.after().version()
                : active != armed.before().version() && active != armed.after().version();
    }

    /** A scheduled switch: before {@code at}, {@code before}; from {@code at} on, {@code after}. */
    public record Boundary(Instant at, CompiledRuleset before, CompiledRuleset after) {
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
        Boundary armed = boundary.get();
        if (armed != null && outlived(armed, now, active.getVersion())) {
            boundary.set(null);
        }
        if (now != null && now.version() == active.getVersion()) {
            return;
        }
        CompiledRuleset next = version(active.getVersion());
        current.set(next);
        LOG.infof("Ruleset version %d is active (%d rules, compiled in %d ms)", next.version(), next.catalog().size(),
                next.compileMillis());
    }
}
