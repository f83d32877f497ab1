package pe.telco.orders.order;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import pe.telco.orders.access.Caller;
import pe.telco.orders.common.NotFound;

/**
 * A channel sees only its own channel's orders, on every {@code /api/orders/{id}/...} endpoint alike: another
 * channel's order is answered 404 as if it did not exist, before the endpoint runs, so no state check (409) or
 * validation answer can reveal it. Back-office credentials (no channel) are not affected.
 */
public class OrderVisibility {

    private static final Pattern ORDER_SCOPED = Pattern.compile("^/api/orders/(\\d{1,18})(/.*)?$");

    private final Caller caller;
    private final OrderRepository orders;

    public OrderVisibility(Caller caller, OrderRepository orders) {
        this.caller = caller;
        this.orders = orders;
    }

    @ServerRequestFilter
    public void ownChannelOnly(ContainerRequestContext context) {
        Matcher path = ORDER_SCOPED.matcher(context.getUriInfo().getPath());
        if (!path.matches()) {
            return;
        }
        Optional<String> own = caller.channel();
        if (own.isEmpty()) {
            return;
        }
        long id = Long.parseLong(path.group(1));
        if (!orders.channelOf(id).map(Channel::name).equals(own)) {
            throw new NotFound("Order", id);
        }
    }
}
