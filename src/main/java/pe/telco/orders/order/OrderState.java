package pe.telco.orders.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** TMF622 order states, as channels see them ({@code inProgress}, not IN_PROGRESS). */
public enum OrderState {
    /** Stored by a channel (TMF622 requestedInitialState draft) but not submitted: nothing is decided yet. */
    DRAFT("draft"),
    ACKNOWLEDGED("acknowledged"),
    PENDING("pending"),
    REJECTED("rejected"),
    IN_PROGRESS("inProgress"),
    COMPLETED("completed"),
    PARTIAL("partial"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String tmf;

    OrderState(String tmf) {
        this.tmf = tmf;
    }

    @JsonValue
    public String tmf() {
        return tmf;
    }

    // A draft is submitted (acknowledged, then decided); a held order the channel revises is decided again
    private static final Map<OrderState, Set<OrderState>> NEXT = Map.of(
            DRAFT, EnumSet.of(ACKNOWLEDGED, CANCELLED),
            ACKNOWLEDGED, EnumSet.of(PENDING, REJECTED, IN_PROGRESS, CANCELLED),
            PENDING, EnumSet.of(IN_PROGRESS, REJECTED, CANCELLED, ACKNOWLEDGED),
            IN_PROGRESS, EnumSet.of(COMPLETED, PARTIAL, FAILED, CANCELLED),
            REJECTED, EnumSet.noneOf(OrderState.class),
            COMPLETED, EnumSet.noneOf(OrderState.class),
            PARTIAL, EnumSet.noneOf(OrderState.class),
            FAILED, EnumSet.noneOf(OrderState.class),
            CANCELLED, EnumSet.noneOf(OrderState.class));

    /** The one place that says which state may follow which. */
    public boolean canMoveTo(OrderState next) {
        return NEXT.get(this).contains(next);
    }

    /** Parses the TMF622 word, for query parameters. */
    public static OrderState fromTmf(String word) {
        for (OrderState state : values()) {
            if (state.tmf.equals(word)) {
                return state;
            }
        }
        return null;
    }
}
