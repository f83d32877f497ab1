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
import java.util.UUID;
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
 * dead-lettered and the listener paused until operations redeliver it.
 * <p>
 * Across instances a listener is served by one at a time, under a lease on its row (taken with SKIP LOCKED, renewed
 * with every delivery recorded, given back when its queue is done). The HTTP calls run outside any transaction and
 * each outcome commits on its own, only while the lease is still this instance's: a listener that hangs keeps no
 * transaction or connection open, and one whose server died is taken over when the lease runs out (three call
 * timeouts). A call whose outcome could not be recorded is made again: delivery is at least once, by event id.
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
    private final String owner = "deliverer-" + UUID.randomUUID();
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

    /** How long a lease lasts without renewal: three call timeouts, so a slow call never loses it. */
    Duration leaseTime() {
        return config.hub().timeout().multipliedBy(3);
    }

    /**
     * One round: the listeners with something due, each leased and served in order until a failure or nothing is
     * due. Every step takes a pooled connection only for its statement, none is held across a listener's call.
     */
    public void deliverRound() throws SQLException {
        for (Listener listener : lease()) {
            try {
                serve(listener);
            } finally {
                giveBack(listener);
            }
        }
    }

    /** Leases the listeners with a delivery due that nobody holds (or whose holder's lease ran out). */
    private List<Listener> lease() throws SQLException {
        List<Listener> listeners = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update event_listener l"
                + " set lease_owner = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'"
                + " where l.id in (select f.id from event_listener f where f.state = 'ACTIVE'"
                + " and (f.lease_until is null or f.lease_until < clock_timestamp())"
                + " and exists (select 1 from listener_delivery d where d.listener_id = f.id and d.state = 'PENDING'"
                + " and d.next_attempt_at <= clock_timestamp())"
                + " order by f.registered_at limit ? for no key update skip locked)"
                + " returning l.id::text, l.callback, l.secret")) {
            s.setString(1, owner);
            s.setLong(2, leaseTime().toMillis());
            s.setInt(3, LISTENERS_PER_ROUND);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    listeners.add(new Listener(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return listeners;
    }

    private void giveBack(Listener listener) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update event_listener"
                + " set lease_owner = null, lease_until = null where id = ?::uuid and lease_owner = ?")) {
            s.setString(1, listener.id());
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    private void serve(Listener listener) throws SQLException {
        for (Delivery delivery : queue(listener)) {
            if (delivery.due().isAfter(OffsetDateTime.now())) {
                return; // the head waits for its retry; the rest wait behind it
            }
            String error = send(listener, delivery);
            if (error == null) {
                if (!record(listener, delivery, Then.RENEW, "state = 'DELIVERED', attempts = attempts + 1,"
                        + " delivered_at = clock_timestamp(), last_error = null", null)) {
                    return;
                }
                delivered.increment();
                continue;
            }
            failed.increment();
            int attempts = delivery.attempts() + 1;
            String failure = "attempts = " + attempts + ", last_error = ?, next_attempt_at = clock_timestamp()";
            if (attempts < config.hub().maxAttempts()) {
                record(listener, delivery, Then.RENEW, failure + " + " + backoff(attempts).toMillis()
                        + " * interval '1 millisecond'", error);
            } else if (record(listener, delivery, Then.SUSPEND, "state = 'DEAD', " + failure, error)) {
                LOG.warnf("Listener %s dead-lettered event %s after %d attempts: %s", listener.id(),
                        delivery.eventId(), attempts, error);
            }
            return;
        }
    }

    /** What recording an outcome does to the listener: renews its lease, or suspends it (which ends the lease). */
    private enum Then {
        RENEW("lease_until = clock_timestamp() + ? * interval '1 millisecond'"),
        SUSPEND("state = 'SUSPENDED', lease_owner = null, lease_until = null");

        final String changes;

        Then(String changes) {
            this.changes = changes;
        }
    }

    /**
     * Records a delivery's outcome ({@code deliveryChanges}, with {@code error} as its parameter when not null) and
     * {@code then} to the listener, in one statement: both when the lease is still this instance's, else neither,
     * and false (the lease's new holder delivers the event again). A dead letter and its listener's suspension
     * cannot come apart, so no later event overtakes a dead one.
     */
    private boolean record(Listener listener, Delivery delivery, Then then, String deliveryChanges, String error)
            throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("with listener as ("
                + "update event_listener set " + then.changes + " where id = ?::uuid and lease_owner = ?"
                + " returning id) update listener_delivery set " + deliveryChanges
                + " where id = ? and exists (select 1 from listener)")) {
            int i = 1;
            if (then == Then.RENEW) {
                s.setLong(i++, leaseTime().toMillis());
            }
            s.setString(i++, listener.id());
            s.setString(i++, owner);
            if (error != null) {
                s.setString(i++, error);
            }
            s.setLong(i, delivery.id());
            if (s.executeUpdate() == 1) {
                return true;
            }
        }
        LOG.warnf("Listener %s's lease ran out while delivering event %s; its new holder delivers it again",
                listener.id(), delivery.eventId());
        return false;
    }

    /** First wait after one failure, doubled after each further one, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.hub().firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.hub().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.hub().maxBackoff()) > 0 ? config.hub().maxBackoff() : wait;
    }

    private List<Delivery> queue(Listener listener) throws SQLException {
        List<Delivery> queue = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select d.id, e.event_type, e.event_id::text, e.body,"
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
}
