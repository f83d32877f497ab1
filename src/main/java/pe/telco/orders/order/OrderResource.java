package pe.telco.orders.order;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.Page;

/** Orders from the channels: create, read, list, history. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService service;

    public OrderResource(OrderService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Receive an order (state acknowledged)")
    @APIResponse(responseCode = "201", description = "Stored; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed; nothing stored")
    @APIResponse(responseCode = "409", description = "Same channel and externalId already received; Location names it")
    public Response create(OrderRequest request) {
        Order order = service.create(request, "channel:" + (request == null ? "?" : request.channel()));
        return Response.created(URI.create(order.location())).entity(OrderResponse.from(order)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an order")
    public OrderResponse get(@PathParam("id") long id) {
        return OrderResponse.from(service.get(id));
    }

    @GET
    @Operation(summary = "List orders, newest first, filtered and paged")
    public Page<OrderResponse> list(@QueryParam("state") String state, @QueryParam("channel") String channel,
            @QueryParam("externalId") String externalId, @QueryParam("customerDocument") String customerDocument,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        OrderState stateFilter = null;
        if (state != null && !state.isBlank()) {
            stateFilter = OrderState.fromTmf(state.strip());
            if (stateFilter == null) {
                throw new InvalidInput("state", "must be one of " + List.of(OrderState.values()).stream()
                        .map(OrderState::tmf).toList());
            }
        }
        Channel channelFilter = null;
        if (channel != null && !channel.isBlank()) {
            try {
                channelFilter = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("channel", "must be one of " + List.of(Channel.values()));
            }
        }
        return service.search(stateFilter, channelFilter, blankToNull(externalId), blankToNull(customerDocument),
                page, size).map(OrderResponse::from);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every state change and milestone of an order, oldest first")
    public List<OrderEventResponse> history(@PathParam("id") long id) {
        return service.history(id).stream().map(OrderEventResponse::from).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
