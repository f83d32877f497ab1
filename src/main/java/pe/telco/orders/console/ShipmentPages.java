package pe.telco.orders.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.DomainException;
import pe.telco.orders.common.Page;
import pe.telco.orders.fulfilment.FulfilmentEvent;
import pe.telco.orders.fulfilment.ProgressService;
import pe.telco.orders.fulfilment.ShipmentResponse;
import pe.telco.orders.fulfilment.ShipmentState;
import pe.telco.orders.fulfilment.WorkLists;
import pe.telco.orders.location.Location;
import pe.telco.orders.location.LocationResponse;
import pe.telco.orders.location.LocationService;
import pe.telco.orders.order.OrderService;

/**
 * The warehouse's shipment orders (its own location's; operations see every location and may pick one) by state,
 * each with the actions its state allows as small forms that call the service the API calls.
 */
@Path("/console/shipments")
@Produces(MediaType.TEXT_HTML)
public class ShipmentPages {

    static final int PAGE = 25;
    /** The states something can still happen to, by the one table of shipment transitions. */
    static final Set<ShipmentState> OPEN = Arrays.stream(ShipmentState.values())
            .filter(s -> !ShipmentState.MACHINE.allowed(s).isEmpty())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ShipmentState.class)));

    /** A shipment as its row shows it. */
    public record Row(long id, String orderNumber, int line, String productCode, int quantity,
            String deliveryMethod, String location, String address, LocalDate readyOn, LocalDate windowFrom,
            LocalDate windowTo, String slot, int attempts, String state, String kind, String recipient,
            String signature, String lastNote, List<String> actions) {

        static Row of(ShipmentResponse s, String orderNumber) {
            ShipmentResponse.Address a = s.address();
            return new Row(s.id(), orderNumber, s.line(), s.productCode(), s.quantity(), s.deliveryMethod().name(),
                    s.locationCode(), a == null ? null : a.street() + ", " + a.city() + " (" + a.postalCode() + ")",
                    s.readyOn(), s.deliveryWindowFrom(), s.deliveryWindowTo(), s.slot(), s.deliveryAttempts(),
                    s.state().name(), kind(s.state()), s.recipientName(), s.signatureReference(), s.lastNote(),
                    s.allowedEvents());
        }

        private static String kind(ShipmentState state) {
            return switch (state) {
                case DELIVERED -> "ok";
                case FAILED_DELIVERY, RETURNED, CANCELLED -> "bad";
                case DISPATCHED -> "warn";
                default -> "neutral";
            };
        }
    }

    /** The list's filters: {@code open} (default), {@code all} or one state; a location for operations; the page. */
    public record View(String state, String location, int page) {

        static View read(String state, String location, String page, List<Refusal.FieldProblem> problems) {
            String s = state == null || state.isBlank() ? "open" : state.strip();
            if (!s.equals("open") && !s.equals("all")
                    && Arrays.stream(ShipmentState.values()).noneMatch(v -> v.name().equals(s))) {
                problems.add(new Refusal.FieldProblem("state", "invalid", 0));
            }
            String l = ListView.text(location);
            if (l != null && !l.matches(Location.CODE_PATTERN)) {
                problems.add(new Refusal.FieldProblem("location", "invalid", 0));
            }
            return new View(s, l, ListView.page(page, PAGE));
        }

        /** The view a row's form came from; a tampered field leads back to the default list, not to an error. */
        static View from(String query) {
            Map<String, String> p = ListView.parse(query);
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            View view = read(p.get("state"), p.get("location"), p.get("page"), problems);
            return problems.isEmpty() ? view : read(null, null, null, problems);
        }

        Set<ShipmentState> states() {
            return switch (state) {
                case "open" -> OPEN;
                case "all" -> Set.of();
                default -> Set.of(ShipmentState.valueOf(state));
            };
        }

        public String query() {
            return at(page);
        }

        /** The page as people count it, from 1. */
        public int number() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }

        /** This view at another page, as a query string. */
        public String at(int other) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("state", state);
            params.put("location", location);
            params.put("page", other);
            return ListView.query(params);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shipments(List<Row> rows, long total, int pages, View view,
                List<String> states, String boundLocation, List<LocationResponse> locations, String done,
                long doneId, Refusal refusal);
    }

    private final WorkLists lists;
    private final ProgressService progress;
    private final OrderService orders;
    private final LocationService locations;
    private final Caller caller;
    private final ConsoleContext console;
    private final Validator validator;

    public ShipmentPages(WorkLists lists, ProgressService progress, OrderService orders, LocationService locations,
            Caller caller, ConsoleContext console, Validator validator) {
        this.lists = lists;
        this.progress = progress;
        this.orders = orders;
        this.locations = locations;
        this.caller = caller;
        this.console = console;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.WAREHOUSE, Roles.OPERATIONS})
    public Response list(@QueryParam("state") String state, @QueryParam("location") String location,
            @QueryParam("page") String page, @QueryParam("done") String done, @QueryParam("id") String id) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        View view = View.read(state, location, page, problems);
        if (!problems.isEmpty()) {
            return Response.status(400).entity(page(view, false, null, 0, Refusal.filter(problems), null)).build();
        }
        long doneId = id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : 0;
        return Response.ok(page(view, true, doneId > 0 ? done : null, doneId, null, null)).build();
    }

    /** One action on one shipment, as the API's {@code POST /api/shipments/{id}/{event}}; back to the list after. */
    @POST
    @Path("/{id: \\d{1,18}}/{event}")
    @RolesAllowed({Roles.WAREHOUSE, Roles.OPERATIONS})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("event") String event,
            @RestForm String recipientName, @RestForm String signatureReference, @RestForm String reason,
            @RestForm(ListView.FIELD) String back) {
        View view = View.from(back);
        FulfilmentEvent details = new FulfilmentEvent(ListView.text(recipientName), ListView.text(signatureReference),
                null, null, null, null, ListView.text(reason));
        String action = console.messages().shipmentEvent(event);
        List<Refusal.FieldProblem> tooLong = Refusal.tooLong(validator, details);
        if (!tooLong.isEmpty()) {
            return refused(view, Refusal.invalid(id, action, tooLong, null));
        }
        try {
            caller.location().ifPresent(own -> lists.checkShipmentAt(id, own)); // a warehouse acts on its own only
            progress.onShipment(id, event, details, caller.name());
        } catch (DomainException e) {
            return refused(view, Refusal.of(e, id, action, state -> console.messages().shipmentStateName(state)));
        }
        return Response.seeOther(URI.create("/console/shipments?" + view.query() + "&"
                + ListView.query(Map.of("done", event, "id", id)))).build();
    }

    private Response refused(View view, Refusal refusal) {
        return Response.status(refusal.status())
                .entity(page(view, true, null, 0, refusal, "/console/shipments?" + view.query())).build();
    }

    private TemplateInstance page(View view, boolean list, String done, long doneId, Refusal refusal, String path) {
        String bound = caller.location().orElse(null);
        Page<ShipmentResponse> found = list
                ? lists.shipments(bound != null ? bound : view.location(), view.states(), view.page(), PAGE)
                        .map(ShipmentResponse::from)
                : new Page<>(List.of(), 0, PAGE, 0);
        Map<Long, String> numbers = new HashMap<>();
        List<Row> rows = found.items().stream().map(s -> Row.of(s,
                numbers.computeIfAbsent(s.orderId(), order -> orders.get(order).getOrderNumber()))).toList();
        List<LocationResponse> known = bound != null ? List.of()
                : locations.list(0, Page.MAX_SIZE).map(LocationResponse::from).items();
        int pages = (int) Math.max(1, (found.total() + PAGE - 1) / PAGE);
        TemplateInstance page = Templates.shipments(rows, found.total(), pages, view,
                Arrays.stream(ShipmentState.values()).map(Enum::name).toList(), bound, known, done, doneId, refusal);
        return path == null ? console.page(page) : console.page(page, path);
    }
}
