package pe.telco.orders.tmf;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.order.Channel;
import pe.telco.orders.order.OrderCriteria;
import pe.telco.orders.order.OrderState;

/**
 * The TMF622 attribute filters of a product order list ({@code state}, {@code externalId}, {@code category},
 * {@code orderDate.gt|gte|lt|lte}), checked all at once; an attribute that cannot be filtered is refused, not ignored.
 */
record ProductOrderFilter(OrderState state, String externalId, String segment, OffsetDateTime after,
        OffsetDateTime from, OffsetDateTime before, OffsetDateTime until) {

    /** Query parameters that page and shape the answer rather than filter it. */
    static final Set<String> PAGING = Set.of("fields", "offset", "limit");

    static ProductOrderFilter of(Map<String, List<String>> query) {
        List<FieldError> errors = new ArrayList<>();
        OrderState state = null;
        String externalId = null;
        String segment = null;
        OffsetDateTime[] dates = new OffsetDateTime[4];
        String[] dateNames = {"orderDate.gt", "orderDate.gte", "orderDate.lt", "orderDate.lte"};
        for (var parameter : query.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue().isEmpty() ? "" : parameter.getValue().get(0).strip();
            if (PAGING.contains(name)) {
                continue;
            }
            if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
                continue;
            }
            switch (name) {
                case "state" -> {
                    state = OrderState.fromTmf(value);
                    if (state == null) {
                        errors.add(new FieldError(name, "must be one of " + List.of(OrderState.values()).stream()
                                .map(OrderState::tmf).toList()));
                    }
                }
                case "externalId" -> externalId = text(name, value, errors);
                case "category" -> {
                    segment = switch (value) {
                        case "residential" -> "RESIDENTIAL";
                        case "business" -> "BUSINESS";
                        default -> {
                            errors.add(new FieldError(name, "must be residential or business"));
                            yield null;
                        }
                    };
                }
                default -> {
                    int index = List.of(dateNames).indexOf(name);
                    if (index < 0) {
                        errors.add(new FieldError(name, "is not an attribute this list can be filtered by (state, "
                                + "externalId, category, orderDate.gt, orderDate.gte, orderDate.lt, orderDate.lte)"));
                    } else {
                        try {
                            dates[index] = OffsetDateTime.parse(value);
                        } catch (DateTimeParseException e) {
                            errors.add(new FieldError(name, "must be a date-time with offset, e.g. "
                                    + "2026-11-30T09:00:00-05:00"));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ProductOrderFilter(state, externalId, segment, dates[0], dates[1], dates[2], dates[3]);
    }

    /** The filters as order criteria; a channel's list holds only its own orders. */
    OrderCriteria criteria(String callerChannel) {
        return new OrderCriteria(callerChannel == null ? null : Channel.valueOf(callerChannel), state, externalId,
                segment, after, from, before, until);
    }

    private static String text(String name, String value, List<FieldError> errors) {
        if (value.isEmpty() || value.length() > 64) {
            errors.add(new FieldError(name, "must be 1 to 64 characters"));
            return null;
        }
        return value;
    }
}
