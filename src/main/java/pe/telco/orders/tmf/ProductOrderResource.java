package pe.telco.orders.tmf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.IdempotencyKeys;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;

/**
 * TMF622 v5 productOrder for the channels: create (received and decided in one call, or kept as a draft), change a
 * draft or held order (merge patch, decided again), read and list.
 */
@Path(ProductOrderView.BASE + "/productOrder")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "TMF622 productOrder", description = "TM Forum Product Ordering Management v5 for channels")
public class ProductOrderResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final ProductOrderService service;
    private final Caller caller;
    private final ObjectMapper json;

    public ProductOrderResource(ProductOrderService service, Caller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @RolesAllowed(Roles.CHANNEL)
    @Operation(operationId = "createProductOrder", summary = "Receive and decide an order in one call: the answer is "
            + "the order inProgress (released), pending (held for review) or rejected, with its reasons; with "
            + "requestedInitialState draft it is stored undecided")
    @APIResponse(responseCode = "201", description = "Stored and decided; Location names it",
            content = @Content(schema = @Schema(implementation = ProductOrder.class)))
    @APIResponse(responseCode = "400", description = "Invalid attributes, every one listed; nothing stored")
    @APIResponse(responseCode = "409", description = "Same channel and externalId already received; Location names it")
    @APIResponse(responseCode = "422", description = "An item action other than add, an Idempotency-Key reused "
            + "with another body, or rules that failed; nothing stored")
    public Response create(ProductOrderInput order, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("fields") String fields) {
        Set<String> selected = fields(fields);
        ProductOrderService.Placed placed = service.place(order, caller.name(), caller.channel().orElse(null),
                IdempotencyKeys.checked(idempotencyKey));
        if (placed.replay() != null) {
            return Response.status(placed.replay().status()).location(URI.create(placed.replay().location()))
                    .type(MediaType.APPLICATION_JSON).entity(placed.replay().body()).build();
        }
        return Response.created(URI.create(placed.order().href())).entity(select(placed.order(), selected)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.CHANNEL)
    @Operation(operationId = "patchProductOrder", summary = "Change a draft or held (pending) order with a JSON merge "
            + "patch: a held order is decided again; a draft when the patch sets state to acknowledged")
    @APIResponse(responseCode = "200", description = "The order as changed (and decided)",
            content = @Content(schema = @Schema(implementation = ProductOrder.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unchangeable attributes, every one listed; nothing changed")
    @APIResponse(responseCode = "404", description = "No such order, or another channel's")
    @APIResponse(responseCode = "409", description = "The order is neither draft nor pending")
    public JsonNode patch(@PathParam("id") String id, String body, @QueryParam("fields") String fields)
            throws JsonProcessingException {
        Set<String> selected = fields(fields);
        JsonNode patch = body == null || body.isBlank() ? null : json.readTree(body);
        return select(service.revise(number(id), patch, caller.name(), caller.channel().orElse(null)), selected);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(operationId = "retrieveProductOrder", summary = "Read a product order (a channel reads only its own)")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = ProductOrder.class)))
    @APIResponse(responseCode = "404", description = "No such order, or another channel's")
    public JsonNode get(@PathParam("id") String id, @QueryParam("fields") String fields) {
        Set<String> selected = fields(fields);
        return select(service.get(number(id), caller.channel().orElse(null)), selected);
    }

    @GET
    @RolesAllowed({Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR})
    @Operation(operationId = "listProductOrder", summary = "List product orders, newest first, with offset, limit, "
            + "attribute filters (state, externalId, category, orderDate.gt/gte/lt/lte) and fields selection")
    @APIResponse(responseCode = "200", description = "One page of orders",
            headers = {@Header(name = "X-Total-Count", description = "How many orders match"),
                    @Header(name = "X-Result-Count", description = "How many orders this page holds")},
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = ProductOrder.class)))
    @APIResponse(responseCode = "400", description = "A bad offset, limit, fields or filter, every one listed")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("fields") String fields, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int from = whole("offset", offset, 0, Integer.MAX_VALUE, 0, errors);
        int size = whole("limit", limit, 0, MAX_LIMIT, DEFAULT_LIMIT, errors);
        Set<String> selected = null;
        try {
            selected = fields(fields);
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        ProductOrderFilter filter = null;
        try {
            filter = ProductOrderFilter.of(uri.getQueryParameters());
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ProductOrderService.Listed listed = service.list(filter, caller.channel().orElse(null), from, size);
        ArrayNode page = json.createArrayNode();
        for (ProductOrder order : listed.orders()) {
            page.add(select(order, selected));
        }
        return Response.ok(page).header("X-Total-Count", listed.total()).header("X-Result-Count", page.size())
                .build();
    }

    /** The first-level attributes asked for (id, href and @type always); null when all are. */
    private static Set<String> fields(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        Set<String> known = new LinkedHashSet<>();
        Arrays.stream(ProductOrder.class.getRecordComponents()).forEach(c -> known.add(c.getName()));
        known.add("@type");
        Set<String> asked = new LinkedHashSet<>(List.of("id", "href", "@type"));
        List<String> unknown = new ArrayList<>();
        for (String field : fields.split(",")) {
            String name = field.strip();
            if (known.contains(name)) {
                asked.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput("fields", "not attributes of a ProductOrder: " + unknown);
        }
        return asked;
    }

    private JsonNode select(ProductOrder order, Set<String> fields) {
        ObjectNode all = json.valueToTree(order);
        if (fields != null) {
            all.retain(fields);
        }
        return all;
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("ProductOrder", id);
        }
    }

    private static int whole(String name, String value, int min, int max, int absent, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
