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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.DomainException;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.fulfilment.FulfilmentEvent;
import pe.telco.orders.fulfilment.ProgressService;
import pe.telco.orders.fulfilment.ShipmentResponse;
import pe.telco.orders.fulfilment.WorkLists;
import pe.telco.orders.fulfilment.WorkOrderResponse;
import pe.telco.orders.fulfilment.WorkOrderState;
import pe.telco.orders.order.OrderService;

/**
 * Field service's work orders by appointment date (today in Lima unless chosen), postal code and state, each with
 * the actions its state allows as small forms that call the service the API calls.
 */
@Path("/console/work-orders")
@Produces(MediaType.TEXT_HTML)
public class WorkOrderPages {

    static final int PAGE = 25;

    /** A work order as its row shows it. */
    public record Row(long id, String orderNumber, int line, String productCode, String workType, String address,
            LocalDate appointmentOn, String slot, int attempts, String state, String kind, String technician,
            String lineOrEquipmentId, String lastNote, List<String> actions) {

        static Row of(WorkOrderResponse w, String orderNumber) {
            ShipmentResponse.Address a = w.address();
            return new Row(w.id(), orderNumber, w.line(), w.productCode(), w.workType().name(),
                    a == null ? null : a.street() + ", " + a.city() + " (" + a.postalCode() + ")", w.appointmentOn(),
                    w.slot(), w.attempts(), w.state().name(), kind(w.state()), w.technician(),
                    w.lineOrEquipmentId(), w.lastNote(), w.allowedEvents());
        }

        private static String kind(WorkOrderState state) {
            return switch (state) {
                case COMPLETED -> "ok";
                case FAILED, FAILED_FOR_GOOD, CANCELLED -> "bad";
                case IN_PROGRESS, RESCHEDULED -> "warn";
                default -> "neutral";
            };
        }
    }

    /**
     * The list's filters: the appointment date (empty: every date), the postal code, one state or any, the page.
     * Without a date in the link, the list is today's.
     */
    public record View(String date, String postalCode, String state, int page) {

        static View read(String date, String postalCode, String state, String page, LocalDate today,
                List<Refusal.FieldProblem> problems) {
            String d = date == null ? today.toString() : date.strip();
            if (!d.isEmpty() && parse(d) == null) {
                problems.add(new Refusal.FieldProblem("date", "notADate", 0));
            }
            String postal = ListView.text(postalCode);
            if (postal != null && !postal.matches("\\d{5}")) {
                problems.add(new Refusal.FieldProblem("postalCode", "notPostalCode", 0));
            }
            String s = ListView.text(state);
            if (s != null && Arrays.stream(WorkOrderState.values()).noneMatch(v -> v.name().equals(s))) {
                problems.add(new Refusal.FieldProblem("state", "invalid", 0));
            }
            return new View(d, postal, s, ListView.page(page, PAGE));
        }

        /** The view a row's form came from; a tampered field leads back to today's list, not to an error. */
        static View from(String query, LocalDate today) {
            Map<String, String> p = ListView.parse(query);
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            View view = read(p.get("date"), p.get("postalCode"), p.get("state"), p.get("page"), today, problems);
            return problems.isEmpty() ? view : read(null, null, null, null, today, problems);
        }

        LocalDate day() {
            return date.isEmpty() ? null : parse(date);
        }

        WorkOrderState wanted() {
            return state == null ? null : WorkOrderState.valueOf(state);
        }

        public String query() {
            return at(page);
        }

        /** This view at another page, as a query string; an empty date stays in it (every date, not today). */
        public String at(int other) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("date", date);
            params.put("postalCode", postalCode);
            params.put("state", state);
            params.put("page", other);
            return ListView.query(params);
        }

        /** The page as people count it, from 1. */
        public int number() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }

        private static LocalDate parse(String date) {
            try {
                return LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workOrders(List<Row> rows, long total, int pages, View view, String today,
                List<String> states, String done, long doneId, Refusal refusal);
    }

    private final WorkLists lists;
    private final ProgressService progress;
    private final OrderService orders;
    private final OperatorTime time;
    private final ConsoleContext console;
    private final Validator validator;

    public WorkOrderPages(WorkLists lists, ProgressService progress, OrderService orders, OperatorTime time,
            ConsoleContext console, Validator validator) {
        this.lists = lists;
        this.progress = progress;
        this.orders = orders;
        this.time = time;
        this.console = console;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.FIELD_SERVICE, Roles.OPERATIONS})
    public Response list(@QueryParam("date") String date, @QueryParam("postalCode") String postalCode,
            @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("done") String done,
            @QueryParam("id") String id) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        View view = View.read(date, postalCode, state, page, today(), problems);
        if (!problems.isEmpty()) {
            return Response.status(400).entity(page(view, false, null, 0, Refusal.filter(problems), null)).build();
        }
        long doneId = id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : 0;
        return Response.ok(page(view, true, doneId > 0 ? done : null, doneId, null, null)).build();
    }

    /** One action on one work order, as the API's {@code POST /api/work-orders/{id}/{event}}; back to the list after. */
    @POST
    @Path("/{id: \\d{1,18}}/{event}")
    @RolesAllowed({Roles.FIELD_SERVICE, Roles.OPERATIONS})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @PathParam("event") String event, @RestForm String technician,
            @RestForm String lineOrEquipmentId, @RestForm String appointmentOn, @RestForm String slot,
            @RestForm String reason, @RestForm(ListView.FIELD) String back) {
        View view = View.from(back, today());
        String action = console.messages().workOrderEvent(event);
        String day = ListView.text(appointmentOn);
        LocalDate newDate = day == null ? null : View.parse(day);
        FulfilmentEvent details = new FulfilmentEvent(null, null, ListView.text(technician),
                ListView.text(lineOrEquipmentId), newDate, ListView.text(slot), ListView.text(reason));
        List<Refusal.FieldProblem> problems = new ArrayList<>(Refusal.tooLong(validator, details));
        if (day != null && newDate == null) {
            problems.add(0, new Refusal.FieldProblem("appointmentOn", "notADate", 0));
        }
        if (!problems.isEmpty()) {
            return refused(view, Refusal.invalid(id, action, problems, null));
        }
        try {
            progress.onWorkOrder(id, event, details, console.user());
        } catch (DomainException e) {
            return refused(view, Refusal.of(e, id, action, state -> console.messages().workOrderStateName(state)));
        }
        return Response.seeOther(URI.create("/console/work-orders?" + view.query() + "&"
                + ListView.query(Map.of("done", event, "id", id)))).build();
    }

    private LocalDate today() {
        return time.now().toLocalDate();
    }

    private Response refused(View view, Refusal refusal) {
        return Response.status(refusal.status())
                .entity(page(view, true, null, 0, refusal, "/console/work-orders?" + view.query())).build();
    }

    private TemplateInstance page(View view, boolean list, String done, long doneId, Refusal refusal, String path) {
        Page<WorkOrderResponse> found = list
                ? lists.workOrders(view.day(), view.postalCode(), view.wanted(), view.page(), PAGE)
                        .map(WorkOrderResponse::from)
                : new Page<>(List.of(), 0, PAGE, 0);
        Map<Long, String> numbers = new HashMap<>();
        List<Row> rows = found.items().stream().map(w -> Row.of(w,
                numbers.computeIfAbsent(w.orderId(), order -> orders.get(order).getOrderNumber()))).toList();
        int pages = (int) Math.max(1, (found.total() + PAGE - 1) / PAGE);
        TemplateInstance page = Templates.workOrders(rows, found.total(), pages, view, today().toString(),
                Arrays.stream(WorkOrderState.values()).map(Enum::name).toList(), done, doneId, refusal);
        return path == null ? console.page(page) : console.page(page, path);
    }
}
