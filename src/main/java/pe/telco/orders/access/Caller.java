package pe.telco.orders.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import pe.telco.orders.common.NotFound;

/**
 * Who is calling: the authenticated name recorded as the actor, and for channel credentials the one channel they
 * belong to (bound by {@link ChannelBinding}). Never taken from a request body.
 */
@RequestScoped
public class Caller {

    /** Roles that read a decision's internals (credit figures, rules and rows, firings, facts). */
    static final Set<String> SEE_DECISION_INTERNALS = Set.of(Roles.AUDITOR, Roles.RULE_AUTHOR, Roles.RULE_APPROVER,
            Roles.APPROVER);

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The actor name for evaluations, approvals, activations and history. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The channel these credentials belong to; empty for back-office users, who see every channel. Channel-only
     * credentials without a channel never get this far (they lose the role); should one, it is refused, not shown
     * everything.
     */
    public Optional<String> channel() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String bound = identity.getAttribute(ChannelBinding.CHANNEL);
        if (bound == null && identity.hasRole(Roles.CHANNEL) && !ChannelBinding.isBackOffice(identity)) {
            throw new ForbiddenException("Channel credentials without a channel");
        }
        return Optional.ofNullable(bound);
    }

    /**
     * The location warehouse credentials belong to; empty for everyone else (operations see every location). A
     * WAREHOUSE identity always has one ({@link LocationBinding} removes the role otherwise).
     */
    public Optional<String> location() {
        if (identity.isAnonymous() || identity.hasRole(Roles.OPERATIONS)) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(LocationBinding.LOCATION));
    }

    /**
     * Whether this caller may read a decision's internals. Channel credentials may not (store staff and apps must not
     * see a customer's credit score or debt, nor the rules' sources), unless they also hold a role that reviews them.
     */
    public boolean seesDecisionInternals() {
        return channel().isEmpty() || SEE_DECISION_INTERNALS.stream().anyMatch(identity::hasRole);
    }

    /** A channel sees only its own channel's orders: others' are answered as if they did not exist. */
    public void checkMayRead(String orderChannel, Object orderId) {
        channel().filter(own -> !own.equals(orderChannel)).ifPresent(own -> {
            throw new NotFound("Order", orderId);
        });
    }
}
