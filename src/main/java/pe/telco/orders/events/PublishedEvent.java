package pe.telco.orders.events;

import java.time.OffsetDateTime;

/** An outbox row as the relay hands it to its destinations: committed, in its order's sequence. */
public record PublishedEvent(long id, String eventId, long orderId, int seq, String channel, Topic topic,
        EventType type, OffsetDateTime occurredAt, String body) {
}
