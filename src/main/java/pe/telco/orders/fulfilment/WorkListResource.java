package pe.telco.orders.fulfilment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pe.telco.orders.access.Caller;
import pe.telco.orders.access.Roles;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.Page;

/** The warehouse's and field service's lists of work: each sees its own, operations see everything. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class WorkListResource {

    @Inject
    Caller caller;

    private final WorkLists lists;

    WorkListResource(WorkLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.WAREHOUSE, Roles.OPERATIONS})
    @Operation(summary = "Shipment orders by state, oldest ready first: a warehouse sees its own location's only;"
            + " operations may filter by location")
    public Page<ShipmentResponse> shipments(@QueryParam("state") String state,
            @QueryParam("location") String location, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        ShipmentState wanted = state(ShipmentState.class, state, errors);
        Page.Request paging = paging(page, size, errors);
        String at = caller.location().orElse(location == null || location.isBlank() ? null : location);
        return lists.shipments(at, wanted, paging.page(), paging.size()).map(ShipmentResponse::from);
    }

    @GET
    @Path("/work-orders")
    @RolesAllowed({Roles.FIELD_SERVICE, Roles.OPERATIONS})
    @Operation(summary = "Work orders by appointment date (YYYY-MM-DD), postal code and state, earliest first")
    public Page<WorkOrderResponse> workOrders(@QueryParam("date") String date,
            @QueryParam("postalCode") String postalCode, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = null;
        if (date != null && !date.isBlank()) {
            try {
                on = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", "must be a date as YYYY-MM-DD"));
            }
        }
        if (postalCode != null && !postalCode.matches("\\d{5}")) {
            errors.add(new FieldError("postalCode", "must be 5 digits"));
        }
        WorkOrderState wanted = state(WorkOrderState.class, state, errors);
        Page.Request paging = paging(page, size, errors);
        return lists.workOrders(on, postalCode, wanted, paging.page(), paging.size()).map(WorkOrderResponse::from);
    }

    private static <S extends Enum<S>> S state(Class<S> states, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(states, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("state", "must be one of " + Arrays.toString(states.getEnumConstants())));
            return null;
        }
    }

    // every bad parameter is listed in one answer
    private static Page.Request paging(String page, String size, List<FieldError> errors) {
        try {
            Page.Request paging = Page.request(page, size);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return paging;
        } catch (InvalidInput e) {
            List<FieldError> all = new ArrayList<>(errors);
            e.errors().stream().filter(f -> !all.contains(f)).forEach(all::add);
            throw new InvalidInput(all);
        }
    }
}
