package pe.telco.orders.events;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A destination for tests: remembers, per order, the sequence numbers handed to it by every relay of this JVM (the
 * instance's own and those a test starts), in the order they were handed over.
 */
@ApplicationScoped
@Unremovable
public class RecordingDestination implements EventDestination {

    private final Map<Long, List<Integer>> published = new ConcurrentHashMap<>();

    @Override
    public void publish(Connection c, List<PublishedEvent> events) {
        for (PublishedEvent event : events) {
            List<Integer> seqs = published.computeIfAbsent(event.orderId(), id -> new ArrayList<>());
            synchronized (seqs) {
                seqs.add(event.seq());
            }
        }
    }

    /** The sequence numbers of the order's events as they were published. */
    public List<Integer> of(long orderId) {
        List<Integer> seqs = published.getOrDefault(orderId, List.of());
        synchronized (seqs) {
            return List.copyOf(seqs);
        }
    }
}
