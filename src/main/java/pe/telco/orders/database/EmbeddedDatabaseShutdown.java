package pe.telco.orders.database;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded PostgreSQL after the application has stopped serving, so in-flight requests finish first.
 * Dev mode keeps it across live reloads; the watchdog stops it when that JVM ends.
 */
@ApplicationScoped
public class EmbeddedDatabaseShutdown {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedDatabase.stop();
        }
    }
}
