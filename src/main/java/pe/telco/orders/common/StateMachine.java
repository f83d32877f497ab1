package pe.telco.orders.common;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of transitions: from a state, an action leads to the next state. One per kind of thing (shipment, work
 * order, invoice) so each is enforced in one place; an action the current state does not allow is a
 * {@link StateConflict} naming the state and the actions it does allow.
 */
public final class StateMachine<S extends Enum<S>> {

    private final String subject;
    private final Map<S, Map<String, S>> table;

    private StateMachine(String subject, Map<S, Map<String, S>> table) {
        this.subject = subject;
        this.table = table;
    }

    public static <S extends Enum<S>> Builder<S> of(String subject, Class<S> states) {
        return new Builder<>(subject, states);
    }

    /** The state {@code action} leads to from {@code current}; refuses what the table does not allow. */
    public S next(S current, String action, String what, ResourceRef resource) {
        S next = table.get(current).get(action);
        if (next == null) {
            throw new StateConflict(what + " is " + current + " and does not allow '" + action + "'"
                    + (allowed(current).isEmpty() ? " (it is final)" : "; allowed: " + allowed(current)),
                    current.name(), resource, allowed(current));
        }
        return next;
    }

    public boolean allows(S current, String action) {
        return table.get(current).containsKey(action);
    }

    public List<String> allowed(S current) {
        return List.copyOf(table.get(current).keySet());
    }

    public String subject() {
        return subject;
    }

    /** Builds the table; states without a row are final. */
    public static final class Builder<S extends Enum<S>> {
        private final String subject;
        private final Map<S, Map<String, S>> table;

        private Builder(String subject, Class<S> states) {
            this.subject = subject;
            this.table = new EnumMap<>(states);
            for (S state : states.getEnumConstants()) {
                table.put(state, new LinkedHashMap<>());
            }
        }

        public Builder<S> on(S from, String action, S to) {
            table.get(from).put(action, to);
            return this;
        }

        public StateMachine<S> build() {
            return new StateMachine<>(subject, table);
        }
    }
}
