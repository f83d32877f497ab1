package pe.telco.orders.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Publishes committed outbox rows, each order's in sequence, at least once. Any number of relays (threads or
 * instances) share the work without doing it twice: a relay owns an order while it holds the row lock on that
 * order's first unpublished event (taken with FOR UPDATE SKIP LOCKED), and no relay takes an event while an earlier
 * one of its order is unpublished. Positions for the pull feed are given under one advisory lock held to commit, so
 * they become visible in increasing order. A round that publishes something is traced as one span ("relay round",
 * from its claim to its commit); an idle round is not traced.
 */
public class Relay {

    static final long POSITION_LOCK = 727016;

    private final DataSource db;
    private final List<EventDestination> destinations;
    private final int batch;
    private final Consumer<PublishedEvent> published;
    private final Tracer tracer;

    /** {@code published} hears of each event once its round committed (metrics, tests). Untraced. */
    public Relay(DataSource db, List<EventDestination> destinations, int batch, Consumer<PublishedEvent> published) {
        this(db, destinations, batch, published, OpenTelemetry.noop().getTracer(Relay.class.getName()));
    }

    /** As above, with a span per round that publishes something. */
    public Relay(DataSource db, List<EventDestination> destinations, int batch, Consumer<PublishedEvent> published,
            Tracer tracer) {
        this.db = db;
        this.destinations = destinations;
        this.batch = batch;
        this.published = published;
        this.tracer = tracer;
    }

    /** Publishes the events of up to {@code batch} orders in one transaction; returns how many events. */
    public int relayBatch() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Span round = Span.getInvalid();
            try {
                Instant claimed = Instant.now();
                List<PublishedEvent> events = claim(c);
                if (events.isEmpty()) {
                    c.rollback(); // nothing written: an idle relay adds no commits to the database's statistics
                    return 0;
                }
                // started once there is work, dated from the claim: idle polls several times a second make no traces
                round = tracer.spanBuilder("relay round").setStartTimestamp(claimed)
                        .setAttribute("orders.events", events.size()).startSpan();
                try (Scope ignored = round.makeCurrent()) {
                    for (EventDestination destination : destinations) {
                        destination.publish(c, events);
                    }
                    markPublished(c, events);
                    c.commit();
                }
                events.forEach(published);
                return events.size();
            } catch (SQLException | RuntimeException e) {
                round.recordException(e);
                c.rollback();
                throw e;
            } finally {
                round.end();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Claims up to {@code batch} orders by locking the head of each (its first unpublished event) and reads every
     * unpublished event of those orders, in one statement.
     */
    private List<PublishedEvent> claim(Connection c) throws SQLException {
        List<PublishedEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("with heads as (select e.order_id, e.seq from outbox_event e"
                + " where e.published_at is null and not exists (select 1 from outbox_event p"
                + " where p.order_id = e.order_id and p.published_at is null and p.seq < e.seq)"
                + " order by e.id limit ? for update of e skip locked)"
                + " select e.id, e.event_id::text, e.order_id, e.seq, e.channel, e.topic, e.event_type, e.occurred_at,"
                + " e.body from outbox_event e join heads h on h.order_id = e.order_id and e.seq >= h.seq"
                + " where e.published_at is null order by e.order_id, e.seq")) {
            s.setInt(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new PublishedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                            rs.getString(5), Topic.of(rs.getString(6)), EventType.fromTmf(rs.getString(7)),
                            rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        }
        return events;
    }

    private static void markPublished(Connection c, List<PublishedEvent> events) throws SQLException {
        try (Statement lock = c.createStatement()) {
            lock.execute("select pg_advisory_xact_lock(" + POSITION_LOCK + ")");
        }
        try (PreparedStatement s = c.prepareStatement("update outbox_event set published_at = clock_timestamp(),"
                + " position = nextval('outbox_position') where id = ?")) {
            for (PublishedEvent event : events) {
                s.setLong(1, event.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
