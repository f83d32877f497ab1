package pe.telco.orders.events.hub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.events.EventType;
import pe.telco.orders.order.OrderState;

/**
 * A listener's {@code query} as TMF622 hubs take it, e.g. {@code eventType=ProductOrderStateChangeEvent&state=pending}:
 * event types and order states (comma-separated); empty means every one. Anything else is refused, not ignored.
 */
public record ListenerFilter(List<String> eventTypes, List<String> states) {

    public static ListenerFilter parse(String query, List<FieldError> errors) {
        List<String> types = new ArrayList<>();
        List<String> states = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return new ListenerFilter(types, states);
        }
        for (String part : query.split("&")) {
            String[] pair = part.split("=", 2);
            List<String> values = pair.length < 2 ? List.of()
                    : Arrays.stream(pair[1].split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
            switch (pair[0].trim()) {
                case "eventType" -> values.forEach(v -> {
                    if (EventType.fromTmf(v) == null) {
                        errors.add(new FieldError("query", "eventType must be among " + EventType.names()));
                    } else {
                        types.add(v);
                    }
                });
                case "state" -> values.forEach(v -> {
                    if (OrderState.fromTmf(v) == null) {
                        errors.add(new FieldError("query", "state must be an order state such as pending, inProgress"));
                    } else {
                        states.add(v);
                    }
                });
                default -> errors.add(new FieldError("query", "may filter by eventType and state only"));
            }
        }
        return new ListenerFilter(types, states);
    }

    static ListenerFilter stored(String types, String states) {
        return new ListenerFilter(split(types), split(states));
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    /** Whether an event of this type about an order in this state (null: not an order event) goes to the listener. */
    public boolean accepts(String eventType, String orderState) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (states.isEmpty() || orderState != null && states.contains(orderState));
    }

    String typesColumn() {
        return eventTypes.isEmpty() ? null : String.join(",", eventTypes);
    }

    String statesColumn() {
        return states.isEmpty() ? null : String.join(",", states);
    }
}
