package pe.telco.orders.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the relay sends committed events (the hub's listeners, Kafka). Called inside the relay's transaction, with
 * its connection, before the events are marked published: a destination that throws leaves them for the next round
 * (at least once); one that writes with the connection (the hub queues deliveries) commits together with the mark.
 */
public interface EventDestination {

    void publish(Connection c, List<PublishedEvent> events) throws SQLException;
}
