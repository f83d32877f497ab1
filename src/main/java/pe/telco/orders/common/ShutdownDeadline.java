package pe.telco.orders.common;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the process ends once shutdown starts, however it started: a stop that takes longer than
 * {@code orders.shutdown.deadline} (a shutdown hook waiting on a lock held by the thread that called
 * {@code System.exit}, say) is ended by halting the JVM, instead of leaving a process with a closed port alive.
 */
@Startup
@ApplicationScoped
public class ShutdownDeadline {

    private static final Logger LOG = Logger.getLogger(ShutdownDeadline.class);

    private final Duration deadline;

    public ShutdownDeadline(
            @ConfigProperty(name = "orders.shutdown.deadline", defaultValue = "30s") Duration deadline) {
        this.deadline = deadline;
    }

    @PostConstruct
    void arm() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::startClock, "shutdown-deadline"));
    }

    // The hook returns at once (the JVM waits for every hook); the clock is a daemon that matters only if others hang
    private void startClock() {
        Thread clock = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.errorf("Shutdown did not finish within %s; halting the process", deadline);
            Runtime.getRuntime().halt(3);
        }, "shutdown-deadline-clock");
        clock.setDaemon(true);
        clock.start();
    }
}
