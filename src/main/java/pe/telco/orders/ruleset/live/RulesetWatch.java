package pe.telco.orders.ruleset.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import pe.telco.orders.common.ReferenceChanges;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.RulesConfig;

/**
 * Starts this instance's watcher of the active version at startup, on the datasource's own database; its listening
 * connection also hears of reference-data changes, so every instance drops its cached copy at once.
 */
@ApplicationScoped
public class RulesetWatch {

    private RulesetWatcher watcher;

    void start(@Observes StartupEvent event, ActiveRuleset active, RulesConfig rules, ReferenceChanges references,
            Config config) {
        String url = rules.listen()
                ? config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null) : null;
        watcher = new RulesetWatcher(active::refresh, url,
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
                rules.activeCheckInterval());
        watcher.alsoListen(ReferenceChanges.CHANNEL, references::received);
        watcher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.stop();
        }
    }
}
