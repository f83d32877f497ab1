package pe.telco.orders.support;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.threads.JBossExecutors;

/**
 * Works around a class-loading race of Quarkus's test applications (quarkusio/quarkus#54144, merged after the 3.33 we
 * use): when a test application stops, a Vert.x internal blocking thread may be interrupted while it reads
 * {@code org.jboss.threads.ContextClassLoaderSavingRunnable} from its jar, and prints a ClosedByInterruptException
 * stack trace although every test passed. Loaded here at start, the class has nothing left to read at the stop.
 * Test sources only; drop it with the Quarkus upgrade that carries the fix.
 */
@ApplicationScoped
class ShutdownClassPreload {

    private static final String RACED_CLASS = "org.jboss.threads.ContextClassLoaderSavingRunnable";

    void preload(@Observes StartupEvent event) {
        try {
            Class.forName(RACED_CLASS, true, JBossExecutors.class.getClassLoader());
        } catch (ClassNotFoundException gone) {
            // a jboss-threads without that class has nothing to race on
        }
    }
}
