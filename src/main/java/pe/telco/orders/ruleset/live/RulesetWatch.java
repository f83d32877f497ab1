package pe.telco.orders.ruleset.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import pe.telco.orders.common.ReferenceChanges;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.schedule.ScheduledActivations;
import pe.telco.orders.ruleset.schedule.ScheduledSwitch;

/**
 * Starts this instance's watcher of the active version at startup, on the datasource's own database, and its part
 * in scheduled activations, which reads the waiting schedule again whenever the watcher is told or checks; its
 * listening connection also hears of reference-data changes, so every instance drops its cached copy at once.
 */
@ApplicationScoped
public class RulesetWatch {

    private RulesetWatcher watcher;
    private ScheduledSwitch scheduled;

    void start(@Observes StartupEvent event, ActiveRuleset active, RulesConfig rules, ReferenceChanges references,
            Config config, ScheduledActivations schedules) {
        scheduled = new ScheduledSwitch(active, schedules);
        // behind a transaction pooler LISTEN needs a connection of its own straight to PostgreSQL (or none at all)
        String url = rules.listenUrl().or(() -> config.getOptionalValue("quarkus.datasource.jdbc.url", String.class))
                .filter(u -> !u.equalsIgnoreCase("none")).orElse(null);
        watcher = new RulesetWatcher(() -> {
            active.refresh();
            scheduled.reloadSafely();
        }, url,
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
                rules.activeCheckInterval());
        watcher.alsoListen(ReferenceChanges.CHANNEL, references::received);
        scheduled.start();
        watcher.start();
    }

    /** This instance's part in scheduled activations (what it did at the last instant). */
    public ScheduledSwitch scheduled() {
        return scheduled;
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduled != null) {
            scheduled.stop();
        }
        if (watcher != null) {
            watcher.stop();
        }
    }
}
