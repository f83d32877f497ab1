package pe.telco.orders.common;

import java.util.List;

/** The resource's current state does not allow the request; says which state it is in and where it lives. */
public class StateConflict extends DomainException {

    private final String currentState;
    private final String location;
    private final List<String> allowedActions;

    public StateConflict(String message, String currentState, String location, List<String> allowedActions) {
        super(message);
        this.currentState = currentState;
        this.location = location;
        this.allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
    }

    public StateConflict(String message, String currentState) {
        this(message, currentState, null, List.of());
    }

    public String currentState() {
        return currentState;
    }

    public String location() {
        return location;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
