package pe.telco.orders.ruleset.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import pe.telco.orders.common.ProblemMapping;

/**
 * Keeps one instance's active ruleset in step with the database: a dedicated connection LISTENs for
 * {@code ruleset_activated} (reconnecting when it drops), and a periodic check of the active version catches what
 * a lost notification (or a pooler that drops LISTEN) would miss. The same connection may listen on other channels
 * for other parts of the service ({@link #alsoListen}), so an instance holds one listening connection in all.
 */
public class RulesetWatcher {

    private static final Logger LOG = Logger.getLogger(RulesetWatcher.class);
    public static final String CHANNEL = "ruleset_activated";

    private final Runnable refresh;
    private final String url;
    private final String user;
    private final String password;
    private final Duration checkEvery;
    private final ScheduledExecutorService checker;
    private volatile boolean running;
    private volatile Connection connection;
    private final Map<String, Consumer<String>> otherChannels = new ConcurrentHashMap<>();
    private Thread listener;

    /** {@code url} null: no LISTEN, the periodic check only. */
    public RulesetWatcher(Runnable refresh, String url, String user, String password, Duration checkEvery) {
        this.refresh = refresh;
        this.url = url;
        this.user = user;
        this.password = password;
        this.checkEvery = checkEvery;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ruleset-check"));
    }

    /**
     * Also hands each notification on {@code channel} (its payload) to {@code handler}, and {@code null} whenever
     * the connection is (re)opened, since notifications sent meanwhile were missed. Call before {@link #start()}.
     */
    public void alsoListen(String channel, Consumer<String> handler) {
        otherChannels.put(channel, handler);
    }

    public void start() {
        running = true;
        long millis = checkEvery.toMillis();
        checker.scheduleWithFixedDelay(this::refreshSafely, millis, millis, TimeUnit.MILLISECONDS);
        if (url != null) {
            listener = daemon(this::listen, "ruleset-listen");
            listener.start();
        }
    }

    public void stop() {
        running = false;
        checker.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
        closeQuietly();
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    for (String channel : otherChannels.keySet()) {
                        s.execute("LISTEN " + channel);
                    }
                }
                refreshSafely(); // anything activated while we were not listening
                otherChannels.values().forEach(handler -> handSafely(handler, null));
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null && dispatch(notifications)) {
                        refreshSafely();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Lost the %s listener connection (%s); reconnecting in 1 s", CHANNEL, e.getMessage());
                    sleep();
                }
            }
        }
    }

    /** Hands other channels' notifications to their handlers; true when a ruleset was activated. */
    private boolean dispatch(PGNotification[] notifications) {
        boolean activated = false;
        for (PGNotification notification : notifications) {
            Consumer<String> handler = otherChannels.get(notification.getName());
            if (handler == null) {
                activated = true;
            } else {
                handSafely(handler, notification.getParameter());
            }
        }
        return activated;
    }

    private static void handSafely(Consumer<String> handler, String payload) {
        try {
            handler.accept(payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "A notification handler failed on %s", payload);
        }
    }

    private void refreshSafely() {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            if (ProblemMapping.isDatabaseUnavailable(e)) {
                // the database is away (an outage, a restart): the next check or notification will catch up
                LOG.warnf("Could not read the active ruleset version (%s); still running the previous one",
                        e.getMessage());
            } else {
                LOG.errorf(e, "Could not switch to the active ruleset version; still running the previous one");
            }
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("Closing the listener connection", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
