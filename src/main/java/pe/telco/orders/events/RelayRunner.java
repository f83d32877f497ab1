package pe.telco.orders.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay on a background thread, deletes published events older than the retention, and reports
 * the relay's lag (change to publication) and backlog (committed events not yet published) as metrics.
 */
@ApplicationScoped
public class RelayRunner {

    private static final Logger LOG = Logger.getLogger(RelayRunner.class);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final DataSource db;
    private final EventsConfig config;
    private final Instance<EventDestination> destinations;
    private final Tracer tracer;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestWaitingMillis = new AtomicLong();
    private ScheduledExecutorService thread;
    private Relay relay;
    private long backlogCheckedAt;
    private long sweptAt;

    RelayRunner(DataSource db, EventsConfig config, Instance<EventDestination> destinations, MeterRegistry meters,
            Tracer tracer) {
        this.db = db;
        this.config = config;
        this.destinations = destinations;
        this.tracer = tracer;
        this.lag = Timer.builder("orders.events.relay.lag")
                .description("Time from a change to the publication of its event").publishPercentileHistogram()
                .register(meters);
        Gauge.builder("orders.events.backlog", backlog, AtomicLong::get)
                .description("Committed events not yet published").register(meters);
        Gauge.builder("orders.events.oldest.waiting.seconds", oldestWaitingMillis, m -> m.get() / 1000.0)
                .description("Age of the oldest committed event not yet published").register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || !config.relayEnabled()) {
            return;
        }
        relay = new Relay(db, List.copyOf(destinations.stream().toList()), config.relayBatch(), this::published,
                tracer);
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "event-relay"));
        long interval = config.relayInterval().toMillis();
        thread.scheduleWithFixedDelay(this::relaySafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdown();
        }
    }

    private void published(PublishedEvent event) {
        lag.record(Duration.between(event.occurredAt(), OffsetDateTime.now()));
    }

    private void relaySafely() {
        try {
            while (relay.relayBatch() > 0 && !thread.isShutdown()) {
                // more may be waiting
            }
            long now = System.currentTimeMillis();
            if (now - backlogCheckedAt >= BACKLOG_EVERY.toMillis()) {
                measureBacklog();
                backlogCheckedAt = now;
            }
            if (now - sweptAt >= SWEEP_EVERY.toMillis()) {
                sweep();
                sweptAt = now;
            }
        } catch (Exception e) {
            // expected while the database or a destination is away (retried next round): one line, stack at DEBUG
            LOG.warnf("Relaying events failed; will retry: %s", e.toString());
            LOG.debug("Relay failure", e);
        }
    }

    private void measureBacklog() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select count(*),"
                    + " coalesce(extract(epoch from clock_timestamp() - min(occurred_at)) * 1000, 0)"
                    + " from outbox_event where published_at is null"); ResultSet rs = s.executeQuery()) {
                rs.next();
                backlog.set(rs.getLong(1));
                oldestWaitingMillis.set(rs.getLong(2));
            } finally {
                c.rollback(); // read only
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Deletes published events past the retention, except those a listener still waits for (every instance may;
     * deleting twice deletes nothing more).
     */
    int sweep() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("delete from outbox_event"
                + " where published_at < clock_timestamp() - ? * interval '1 second' and not exists (select 1"
                + " from listener_delivery d where d.event_id = outbox_event.id and d.state <> 'DELIVERED')")) {
            s.setLong(1, config.retention().toSeconds());
            return s.executeUpdate();
        }
    }
}
