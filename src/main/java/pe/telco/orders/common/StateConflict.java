package pe.telco.orders.common;

import java.util.List;

/**
 * The resource's current state does not allow the request; says which state it is in, which resource it is, and
 * what it allows now: action names of its state machine ({@code dispatch}) or requests on the resource, written as
 * method and sub-resource ({@code POST evaluation}). The problem mapper turns the resource into URLs.
 */
public class StateConflict extends DomainException {

    private final String currentState;
    private final ResourceRef resource;
    private final List<String> allowedActions;

    public StateConflict(String message, String currentState, ResourceRef resource, List<String> allowedActions) {
        super(message);
        this.currentState = currentState;
        this.resource = resource;
        this.allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
    }

    public StateConflict(String message, String currentState) {
        this(message, currentState, null, List.of());
    }

    public String currentState() {
        return currentState;
    }

    public ResourceRef resource() {
        return resource;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
