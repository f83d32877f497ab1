package pe.telco.orders.events.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.events.EventDestination;
import pe.telco.orders.events.PublishedEvent;
import pe.telco.orders.events.Topic;

/**
 * Queues one delivery per published event and matching listener, in the relay's transaction: an event is marked
 * published exactly when its deliveries exist. The {@link Deliverer} sends them.
 */
@ApplicationScoped
public class HubDestination implements EventDestination {

    private final ObjectMapper json;

    public HubDestination(ObjectMapper json) {
        this.json = json;
    }

    private record Listener(String id, String channel, ListenerFilter filter) {
    }

    @Override
    public void publish(Connection c, List<PublishedEvent> events) throws SQLException {
        List<Listener> listeners = listeners(c);
        if (listeners.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into listener_delivery (listener_id, event_id, state,"
                + " next_attempt_at) values (?::uuid, ?, 'PENDING', clock_timestamp()) on conflict do nothing")) {
            for (PublishedEvent event : events) {
                String state = event.topic() == Topic.ORDER ? orderState(event) : null;
                for (Listener listener : listeners) {
                    if ((listener.channel() == null || listener.channel().equals(event.channel()))
                            && listener.filter().accepts(event.type().tmf(), state)) {
                        s.setString(1, listener.id());
                        s.setLong(2, event.id());
                        s.addBatch();
                    }
                }
            }
            s.executeBatch();
        }
    }

    private static List<Listener> listeners(Connection c) throws SQLException {
        List<Listener> listeners = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id::text, channel, event_types,"
                + " states from event_listener")) {
            while (rs.next()) {
                listeners.add(new Listener(rs.getString(1), rs.getString(2),
                        ListenerFilter.stored(rs.getString(3), rs.getString(4))));
            }
        }
        return listeners;
    }

    private String orderState(PublishedEvent event) {
        try {
            return json.readTree(event.body()).path("event").path("productOrder").path("state").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("Event " + event.eventId() + " has a body that is not JSON", e);
        }
    }
}
