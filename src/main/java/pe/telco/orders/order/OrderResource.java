package pe.telco.orders.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.IdempotencyKeys;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.Page;

/** Orders from the channels: create, read, list, history. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService service;
    private final OrderDraftValidator validator;
    private final Caller caller;

    public OrderResource(OrderService service, OrderDraftValidator validator, Caller caller) {
        this.service = service;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CHANNEL)
    @Operation(summary = "Receive an order (state acknowledged); a channel's credentials set its channel")
    @APIResponse(responseCode = "201", description = "Stored; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed; nothing stored")
    @APIResponse(responseCode = "409", description = "Same channel and externalId already received; Location names it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response create(OrderRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        OrderService.Received received = service.receive(ownChannel(request), caller.name(),
                IdempotencyKeys.checked(idempotencyKey));
        if (received.replay() != null) {
            return Response.status(received.replay().status()).location(URI.create(received.replay().location()))
                    .type(MediaType.APPLICATION_JSON).entity(received.replay().body()).build();
        }
        Order order = received.order();
        return Response.created(URI.create(order.ref().path())).entity(OrderResponse.from(order)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(summary = "Read an order (a channel reads only its own channel's orders)")
    public OrderResponse get(@PathParam("id") long id) {
        Order order = service.get(id);
        caller.checkMayRead(order.getChannel().name(), id);
        return OrderResponse.from(order);
    }

    @GET
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(summary = "List orders, newest first, filtered and paged (a channel sees only its own)")
    public Page<OrderResponse> list(@QueryParam("state") String state, @QueryParam("channel") String channel,
            @QueryParam("externalId") String externalId, @QueryParam("customerDocument") String customerDocument,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        OrderState stateFilter = null;
        if (state != null && !state.isBlank()) {
            stateFilter = OrderState.fromTmf(state.strip());
            if (stateFilter == null) {
                throw new InvalidInput("state", "must be one of " + List.of(OrderState.values()).stream()
                        .map(OrderState::tmf).toList());
            }
        }
        Channel channelFilter = null;
        if (caller.channel().isPresent()) {
            channel = caller.channel().get();
        }
        if (channel != null && !channel.isBlank()) {
            try {
                channelFilter = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("channel", "must be one of " + List.of(Channel.values()));
            }
        }
        return service.search(stateFilter, channelFilter, blankToNull(externalId), blankToNull(customerDocument),
                paging.page(), paging.size()).map(OrderResponse::from);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(summary = "Every state change and milestone of an order, oldest first")
    public List<OrderEventResponse> history(@PathParam("id") long id) {
        caller.checkMayRead(service.get(id).getChannel().name(), id);
        return service.history(id).stream().map(OrderEventResponse::from).toList();
    }

    /** Channel credentials belong to one channel: the order's channel is theirs, whatever the body says. */
    private OrderRequest ownChannel(OrderRequest request) {
        if (request == null || caller.channel().isEmpty()) {
            return request;
        }
        String own = caller.channel().get();
        String asked = request.channel();
        OrderRequest asOwn = new OrderRequest(request.externalId(), own, request.customer(), request.serviceAddress(),
                request.items(), request.acceptedTermsVersion(), request.delivery(), request.paymentMethod());
        if (asked != null && !asked.isBlank() && !asked.strip().equalsIgnoreCase(own)) {
            throw validator.withOtherErrors(asOwn, new FieldError("channel", "these credentials belong to channel " + own));
        }
        return asOwn;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
