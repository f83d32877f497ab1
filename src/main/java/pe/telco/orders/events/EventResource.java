package pe.telco.orders.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;

/** The pull feed of published events: operations and auditors see all, a channel its own orders' events only. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    static final int MAX_SIZE = 200;
    /** What the feed and the hub answer when events are switched off. */
    public static final String SWITCHED_OFF = "Events are switched off on this service (orders.events.enabled=false)";

    @Inject
    Caller caller;

    private final EventFeed feed;
    private final EventsConfig config;

    EventResource(EventFeed feed, EventsConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.AUDITOR, Roles.CHANNEL})
    @Operation(summary = "Published events in commit order, after the given eventId (from the start without one);"
            + " type filters by event type (repeat or comma-separate); size 1 to 200, default 100")
    public EventFeed.FeedPage events(@QueryParam("after") String after, @QueryParam("type") List<String> type,
            @QueryParam("size") String size) {
        if (!config.enabled()) {
            throw new NotFound(SWITCHED_OFF);
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<UUID> from = eventId(after, errors);
        List<EventType> types = types(type, errors);
        int limit = size(size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return feed.after(from, types, caller.channel(), limit);
    }

    private static Optional<UUID> eventId(String after, List<FieldError> errors) {
        if (after == null || after.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(after));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("after", "must be an eventId (a UUID)"));
            return Optional.empty();
        }
    }

    private static List<EventType> types(List<String> type, List<FieldError> errors) {
        List<EventType> types = new ArrayList<>();
        for (String value : type == null ? List.<String>of() : type) {
            for (String name : value.split(",")) {
                EventType t = EventType.fromTmf(name.trim());
                if (t == null) {
                    errors.add(new FieldError("type", "must be one of " + EventType.names()));
                    return types;
                }
                types.add(t);
            }
        }
        return types;
    }

    private static int size(String size, List<FieldError> errors) {
        if (size == null || size.isEmpty()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(size);
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("size", "must be a whole number from 1 to " + MAX_SIZE));
        return 0;
    }
}
