package pe.telco.orders.events.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.events.EventsConfig;

/**
 * Registers and removes TMF622 hub listeners, and lets operations see and redeliver dead letters. A channel's
 * listener hears only that channel's orders; a back-office one hears every order.
 */
@ApplicationScoped
public class HubService {

    private final EntityManager db;
    private final EventsConfig config;
    private final OperatorTime time;

    HubService(EntityManager db, EventsConfig config, OperatorTime time) {
        this.db = db;
        this.config = config;
        this.time = time;
    }

    /** A registered listener; the secret is returned this once and never shown again. */
    public record Registered(String id, String callback, String query, String secret) {
    }

    @Transactional
    public Registered register(String callback, String query, Optional<String> channel, String actor) {
        List<FieldError> errors = new ArrayList<>();
        checkCallback(callback, errors);
        if (query != null && query.length() > 1000) {
            errors.add(new FieldError("query", "must be at most 1000 characters"));
        }
        ListenerFilter filter = ListenerFilter.parse(query, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = UUID.randomUUID();
        String secret = Signature.newSecret();
        db.createNativeQuery("insert into event_listener (id, callback, query, event_types, states, channel, secret,"
                + " registered_by, registered_at, state) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'ACTIVE')")
                .setParameter(1, id).setParameter(2, callback).setParameter(3, query)
                .setParameter(4, filter.typesColumn()).setParameter(5, filter.statesColumn())
                .setParameter(6, channel.orElse(null)).setParameter(7, secret).setParameter(8, actor)
                .setParameter(9, time.now()).executeUpdate();
        return new Registered(id.toString(), callback, query, secret);
    }

    /** Removes a listener with its queued deliveries; a channel may remove only its own (others: not found). */
    @Transactional
    public void remove(String id, Optional<String> channel) {
        UUID listener = listenerId(id);
        int removed = db.createNativeQuery("delete from event_listener where id = ?1"
                + " and (cast(?2 as varchar) is null or channel = ?2)")
                .setParameter(1, listener).setParameter(2, channel.orElse(null)).executeUpdate();
        if (removed == 0) {
            throw new NotFound("Hub listener", id);
        }
    }

    /** A delivery given up after the allowed attempts; its listener is paused until it is redelivered. */
    public record DeadLetter(long id, String listenerId, String callback, String eventId, long orderId, int sequence,
            String eventType, int attempts, String lastError, OffsetDateTime lastAttemptAt) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<DeadLetter> deadLetters() {
        List<Object[]> rows = db.createNativeQuery("select d.id, cast(l.id as varchar), l.callback,"
                + " cast(e.event_id as varchar), e.order_id, e.seq, e.event_type, d.attempts, d.last_error,"
                + " d.next_attempt_at from listener_delivery d join event_listener l on l.id = d.listener_id"
                + " join outbox_event e on e.id = d.event_id where d.state = 'DEAD' order by d.id").getResultList();
        return rows.stream().map(r -> new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).intValue(), (String) r[6],
                ((Number) r[7]).intValue(), (String) r[8], OperatorTime.local(toTime(r[9])))).toList();
    }

    /**
     * Queues a dead letter again and resumes its listener: it and every later delivery of that listener go out in
     * their order.
     */
    @Transactional
    public void redeliver(long deliveryId) {
        List<?> state = db.createNativeQuery("select state from listener_delivery where id = ?1 for update")
                .setParameter(1, deliveryId).getResultList();
        if (state.isEmpty()) {
            throw new NotFound("Dead letter", deliveryId);
        }
        if (!"DEAD".equals(state.get(0))) {
            throw new StateConflict("Delivery " + deliveryId + " is " + state.get(0) + ", not a dead letter",
                    String.valueOf(state.get(0)));
        }
        db.createNativeQuery("update listener_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?2"
                + " where id = ?1").setParameter(1, deliveryId).setParameter(2, time.now()).executeUpdate();
        db.createNativeQuery("update event_listener set state = 'ACTIVE' where id = (select listener_id from"
                + " listener_delivery where id = ?1)").setParameter(1, deliveryId).executeUpdate();
    }

    private void checkCallback(String callback, List<FieldError> errors) {
        if (callback == null || callback.isBlank()) {
            errors.add(new FieldError("callback", "is required"));
            return;
        }
        if (callback.length() > 2000) {
            errors.add(new FieldError("callback", "must be at most 2000 characters"));
            return;
        }
        try {
            URI uri = new URI(callback);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                errors.add(new FieldError("callback", "must be an absolute http or https URL"));
            } else if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                errors.add(new FieldError("callback", "must not carry credentials, a query or a fragment"));
            } else if (!allowed(callback)) {
                errors.add(new FieldError("callback", "is not among the callbacks this service may call"
                        + " (orders.events.hub.allowed-callbacks)"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("callback", "must be an absolute http or https URL"));
        }
    }

    // the service calls these URLs from inside the operator's network: only listed prefixes, so a registration
    // cannot make it reach internal addresses (SSRF); dev and test allow any
    private boolean allowed(String callback) {
        return config.hub().allowAnyCallback() || config.hub().allowedCallbacks().orElse(List.of()).stream()
                .anyMatch(prefix -> callback.equals(prefix)
                        || callback.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    private static UUID listenerId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Hub listener", id);
        }
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
