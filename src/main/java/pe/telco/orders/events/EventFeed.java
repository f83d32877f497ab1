package pe.telco.orders.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;

/**
 * Published events in the order the relay published them (commit order), for systems that prefer to pull: a page
 * after a given event, optionally of some types only, optionally of one channel's orders only.
 */
@ApplicationScoped
public class EventFeed {

    private final DataSource db;
    private final ObjectMapper json;

    EventFeed(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One event of the feed: its envelope and the TMF body as sent. */
    public record FeedItem(String eventId, long orderId, int sequence, String eventType, String topic,
            OffsetDateTime eventTime, JsonNode event) {
    }

    /** A page of the feed; {@code next} is the eventId to ask after for the following page (unchanged when empty). */
    public record FeedPage(List<FeedItem> items, String next) {
    }

    public FeedPage after(Optional<UUID> after, List<EventType> types, Optional<String> channel, int size) {
        try (Connection c = db.getConnection()) {
            long from = after.isEmpty() ? 0 : position(c, after.get(), channel);
            List<FeedItem> items = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select event_id::text, order_id, seq, event_type, topic,"
                    + " occurred_at, body from outbox_event where position > ?");
            if (!types.isEmpty()) {
                sql.append(" and event_type = any (?)");
            }
            channel.ifPresent(ch -> sql.append(" and channel = ?"));
            sql.append(" order by position limit ?");
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setLong(i++, from);
                if (!types.isEmpty()) {
                    s.setArray(i++, c.createArrayOf("varchar", types.stream().map(EventType::tmf).toArray()));
                }
                if (channel.isPresent()) {
                    s.setString(i++, channel.get());
                }
                s.setInt(i, size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new FeedItem(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5), OperatorTime.local(rs.getObject(6, OffsetDateTime.class)),
                                json.readTree(rs.getString(7))));
                    }
                }
            }
            String next = items.isEmpty() ? after.map(UUID::toString).orElse(null)
                    : items.get(items.size() - 1).eventId();
            return new FeedPage(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the event feed failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event body is not JSON", e);
        }
    }

    /** Where the feed stands at that event; a channel asking after another channel's event is told it does not exist. */
    private static long position(Connection c, UUID eventId, Optional<String> channel) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select position, channel from outbox_event"
                + " where event_id = ? and position is not null")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || channel.isPresent() && !channel.get().equals(rs.getString(2))) {
                    throw new NotFound("Published event", eventId + " (or it is older than the retention)");
                }
                return rs.getLong(1);
            }
        }
    }
}
