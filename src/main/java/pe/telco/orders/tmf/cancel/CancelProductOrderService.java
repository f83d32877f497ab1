package pe.telco.orders.tmf.cancel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.fulfilment.FulfilmentService;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;

/**
 * Channels cancel their own orders through TMF622 with the back office's one cancellation (until a shipment is
 * dispatched or an installation starts); a refusal is kept as a cancel task terminatedWithError, saying why.
 */
@ApplicationScoped
public class CancelProductOrderService {

    private static final Logger LOG = Logger.getLogger(CancelProductOrderService.class);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}&&[^\\t]]");

    private final OrderService orders;
    private final FulfilmentService fulfilment;
    private final CancelTaskRepository tasks;
    private final OperatorTime time;

    public CancelProductOrderService(OrderService orders, FulfilmentService fulfilment, CancelTaskRepository tasks,
            OperatorTime time) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.tasks = tasks;
        this.time = time;
    }

    /**
     * Cancels the order and records the task in one transaction; when the order can no longer be cancelled,
     * nothing about it changes and the task is recorded terminatedWithError with the reason.
     */
    public CancelTask cancel(CancelProductOrder.Input input, String actor, String callerChannel) {
        Checked request = checked(input);
        Order order = orders.get(request.orderId());
        if (callerChannel != null && !callerChannel.equals(order.getChannel().name())) {
            throw new NotFound("ProductOrder", request.orderId());
        }
        String channel = order.getChannel().name();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                fulfilment.cancel(request.orderId(), request.reason(), actor);
                return record(new CancelTask(request.orderId(), channel, request.reason(), request.requested(),
                        time.now(), actor, null));
            });
        } catch (StateConflict refused) {
            LOG.debugf("Cancellation of order %d refused: %s", request.orderId(), refused.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> record(new CancelTask(request.orderId(), channel,
                    request.reason(), request.requested(), time.now(), actor, refused.getMessage())));
        }
    }

    /** A cancel task; another channel's is answered as not found. */
    @Transactional
    public CancelTask get(long id, String callerChannel) {
        return tasks.findByIdOptional(id)
                .filter(t -> callerChannel == null || callerChannel.equals(t.getChannel()))
                .orElseThrow(() -> new NotFound("CancelProductOrder", id));
    }

    private CancelTask record(CancelTask task) {
        tasks.persist(task);
        return task;
    }

    private record Checked(long orderId, String reason, OffsetDateTime requested) {
    }

    private static Checked checked(CancelProductOrder.Input input) {
        if (input == null) {
            throw new InvalidInput("body", "a CancelProductOrder is required");
        }
        List<FieldError> errors = new ArrayList<>();
        long orderId = 0;
        String id = input.productOrder() == null ? null : input.productOrder().id();
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("productOrder.id", "is required"));
        } else {
            try {
                orderId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("productOrder.id", "is not the id of a product order"));
            }
        }
        String reason = input.cancellationReason() == null ? null : input.cancellationReason().strip();
        if (reason == null || reason.isEmpty()) {
            errors.add(new FieldError("cancellationReason", "is required"));
        } else if (reason.length() > 1000 || CONTROL.matcher(reason).find()) {
            errors.add(new FieldError("cancellationReason", "must be at most 1000 characters, no control characters"));
        }
        OffsetDateTime requested = null;
        if (input.requestedCancellationDate() != null) {
            try {
                requested = OffsetDateTime.parse(input.requestedCancellationDate());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("requestedCancellationDate", "must be a date-time with offset"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(orderId, reason, requested);
    }
}
