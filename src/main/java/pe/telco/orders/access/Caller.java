package pe.telco.orders.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import pe.telco.orders.common.NotFound;

/**
 * Who is calling: the authenticated name recorded as the actor, and for channel credentials the one channel they
 * belong to. Never taken from a request body.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final AccessConfig config;

    public Caller(SecurityIdentity identity, AccessConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The actor name for evaluations, approvals, activations and history. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The channel these credentials belong to; empty for back-office users, who see every channel. */
    public Optional<String> channel() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("channel") != null) {
            return Optional.of(token.getClaim("channel").toString().toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(config.channelOf().get(name())).map(c -> c.toUpperCase(Locale.ROOT));
    }

    /** A channel sees only its own channel's orders: others' are answered as if they did not exist. */
    public void checkMayRead(String orderChannel, Object orderId) {
        channel().filter(own -> !own.equals(orderChannel)).ifPresent(own -> {
            throw new NotFound("Order", orderId);
        });
    }
}
