package pe.telco.orders.events.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import pe.telco.orders.events.EventType;
import pe.telco.orders.events.EventsConfig;

/**
 * Calls the hub's listeners: {@code POST {callback}/listener/{eventName}} with the event as sent to every other
 * destination and its HMAC-SHA256 signature. Each listener gets its deliveries strictly in queue order: a failure
 * holds the rest back and is retried after an exponential backoff; after the allowed attempts the delivery is
 * dead-lettered and the listener paused until operations redeliver it. Across instances a listener is served by one
 * at a time (its row locked with SKIP LOCKED).
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);
    private static final int LISTENERS_PER_ROUND = 20;
    private static final int DELIVERIES_PER_LISTENER = 50;

    private final DataSource db;
    private final EventsConfig config;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;
    private ScheduledExecutorService thread;

    public Deliverer(DataSource db, EventsConfig config, MeterRegistry meters) {
        this.db = db;
        this.config = config;
        // never follow a redirect: a listener must not be able to send the service elsewhere
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.hub().timeout()).build();
        this.delivered = meters.counter("orders.events.hub.deliveries", "outcome", "delivered");
        this.failed = meters.counter("orders.events.hub.deliveries", "outcome", "failed");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || !config.relayEnabled()) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hub-deliverer"));
        long interval = config.relayInterval().toMillis();
        thread.scheduleWithFixedDelay(this::deliverSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void deliverSafely() {
        try {
            deliverRound();
        } catch (Exception e) {
            LOG.warnf("Delivering events to listeners failed; will retry: %s", e.toString());
            LOG.debug("Delivery failure", e);
        }
    }

    private record Listener(String id, String callback, String secret) {
    }

    private record Delivery(long id, EventType type, String eventId, String body, int attempts,
            OffsetDateTime due) {
    }

    /** One round: the listeners with something due, each served in order until a failure or nothing is due. */
    public void deliverRound() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Listener> listeners = claim(c);
                for (Listener listener : listeners) {
                    serve(c, listener);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static List<Listener> claim(Connection c) throws SQLException {
        List<Listener> listeners = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select l.id::text, l.callback, l.secret from event_listener l"
                + " where l.state = 'ACTIVE' and exists (select 1 from listener_delivery d where d.listener_id = l.id"
                + " and d.state = 'PENDING' and d.next_attempt_at <= clock_timestamp())"
                + " order by l.registered_at limit ? for no key update of l skip locked")) {
            s.setInt(1, LISTENERS_PER_ROUND);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    listeners.add(new Listener(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return listeners;
    }

    private void serve(Connection c, Listener listener) throws SQLException {
        for (Delivery delivery : queue(c, listener)) {
            if (delivery.due().isAfter(OffsetDateTime.now())) {
                return; // the head waits for its retry; the rest wait behind it
            }
            String error = send(listener, delivery);
            if (error == null) {
                update(c, "update listener_delivery set state = 'DELIVERED', attempts = attempts + 1,"
                        + " delivered_at = clock_timestamp(), last_error = null where id = ?", delivery.id());
                delivered.increment();
                continue;
            }
            failed.increment();
            int attempts = delivery.attempts() + 1;
            if (attempts >= config.hub().maxAttempts()) {
                try (PreparedStatement s = c.prepareStatement("update listener_delivery set state = 'DEAD',"
                        + " attempts = ?, last_error = ?, next_attempt_at = clock_timestamp() where id = ?")) {
                    s.setInt(1, attempts);
                    s.setString(2, error);
                    s.setLong(3, delivery.id());
                    s.executeUpdate();
                }
                update(c, "update event_listener set state = 'SUSPENDED' where id = ?::uuid", listener.id());
                LOG.warnf("Listener %s dead-lettered event %s after %d attempts: %s", listener.id(),
                        delivery.eventId(), attempts, error);
            } else {
                try (PreparedStatement s = c.prepareStatement("update listener_delivery set attempts = ?,"
                        + " last_error = ?, next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'"
                        + " where id = ?")) {
                    s.setInt(1, attempts);
                    s.setString(2, error);
                    s.setLong(3, backoff(attempts).toMillis());
                    s.setLong(4, delivery.id());
                    s.executeUpdate();
                }
            }
            return;
        }
    }

    /** First wait after one failure, doubled after each further one, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.hub().firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.hub().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.hub().maxBackoff()) > 0 ? config.hub().maxBackoff() : wait;
    }

    private static List<Delivery> queue(Connection c, Listener listener) throws SQLException {
        List<Delivery> queue = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select d.id, e.event_type, e.event_id::text, e.body,"
                + " d.attempts, d.next_attempt_at from listener_delivery d join outbox_event e on e.id = d.event_id"
                + " where d.listener_id = ?::uuid and d.state = 'PENDING' order by d.id limit ?")) {
            s.setString(1, listener.id());
            s.setInt(2, DELIVERIES_PER_LISTENER);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    queue.add(new Delivery(rs.getLong(1), EventType.fromTmf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return queue;
    }

    /** Sends one delivery; returns null when the listener accepted it (2xx), else what went wrong. */
    private String send(Listener listener, Delivery delivery) {
        String base = listener.callback().endsWith("/") ? listener.callback().substring(0,
                listener.callback().length() - 1) : listener.callback();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/listener/" + delivery.type().listenerPath()))
                .timeout(config.hub().timeout()).header("Content-Type", "application/json")
                .header("X-Event-Id", delivery.eventId())
                .header(Signature.HEADER, Signature.sign(listener.secret(), delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return message.length() > 500 ? message.substring(0, 500) : message;
        }
    }

    private static void update(Connection c, String sql, Object id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }
}
