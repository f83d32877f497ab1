package pe.telco.orders.order;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import pe.telco.orders.common.IdempotencyKeys;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.customer.Customer;
import pe.telco.orders.customer.CustomerService;

/** Receives orders from the channels, and moves them from state to state with their history. */
@ApplicationScoped
public class OrderService {

    /** PostgreSQL's name for the customer table's unique (document_type, document_number). */
    private static final String CUSTOMER_DOCUMENT = "customer_document_type_document_number_key";
    private static final String EXTERNAL_ID = "orders_external_id_per_channel";

    private final OrderRepository orders;
    private final OrderEventRepository events;
    private final OrderDraftValidator validator;
    private final CustomerService customers;
    private final OperatorTime time;
    private final IdempotencyKeys keys;
    private final Event<OrderHistoryRecorded> recorded;

    public OrderService(OrderRepository orders, OrderEventRepository events, OrderDraftValidator validator,
            CustomerService customers, OperatorTime time, IdempotencyKeys keys, Event<OrderHistoryRecorded> recorded) {
        this.orders = orders;
        this.events = events;
        this.validator = validator;
        this.customers = customers;
        this.time = time;
        this.keys = keys;
        this.recorded = recorded;
    }

    /** A new order with the answer given for it, or the answer already given to the same Idempotency-Key and body. */
    public record Received(Order order, Object answer, IdempotencyKeys.Answer replay) {
    }

    /**
     * What a receiving API adds to the intake: its scope for Idempotency-Keys, the work done on the stored order in
     * the same transaction (the TMF622 API decides it there), the answer and location it remembers, whether the
     * order is kept as a draft, and the particulars (item ids, notes, wished dates) it read beside the request.
     */
    public record Intake(String scope, Function<Order, Object> answer, Function<Order, String> location,
            boolean draft, OrderParticulars particulars) {

        public Intake {
            particulars = particulars == null ? OrderParticulars.NONE : particulars;
        }

        /** The back-office intake: store only, answer the order as {@link OrderResponse}. */
        static Intake backOffice(String actor) {
            return new Intake("orders:" + actor, OrderResponse::from, order -> order.ref().path(), false,
                    OrderParticulars.NONE);
        }

        /**
         * What an Idempotency-Key is bound to: everything that changes what is stored. A request with nothing beside
         * it is bound to the request alone, so keys remembered before particulars existed still match their retries.
         */
        Object sent(OrderRequest request) {
            return particulars.isEmpty() && !draft ? request : new Sent(request, particulars, draft);
        }
    }

    /** A request with its particulars and initial state, as an Idempotency-Key is bound to it. */
    private record Sent(OrderRequest request, OrderParticulars particulars, boolean draft) {
    }

    /**
     * Validates and stores a new order in state acknowledged; a second order with the same channel and externalId
     * is refused with the existing order's location, also when two arrive at the same moment. With
     * {@code idempotencyKey}, remembers the answer under it (scoped to the caller) in the same
     * transaction: a retry with the same key and body, even one racing the first, gets the original answer.
     */
    public Received receive(OrderRequest request, String actor, String idempotencyKey) {
        return receive(request, actor, idempotencyKey, Intake.backOffice(actor));
    }

    /**
     * As {@link #receive(OrderRequest, String, String)}, and runs {@code intake}'s answer on the stored order inside
     * the one transaction that stores it: either everything (order, decision, remembered key) commits, or nothing.
     */
    public Received receive(OrderRequest request, String actor, String idempotencyKey, Intake intake) {
        OrderDraft draft = validator.validate(request, intake.particulars());
        String scope = intake.scope();
        Object sent = intake.sent(request);
        if (idempotencyKey != null) {
            var previous = keys.previous(scope, idempotencyKey, sent);
            if (previous.isPresent()) {
                return new Received(null, null, previous.get());
            }
        }
        try {
            try {
                return receiveOnce(draft, actor, idempotencyKey, intake, sent);
            } catch (RuntimeException e) {
                if (!isUniqueViolationOf(e, CUSTOMER_DOCUMENT)) {
                    throw e;
                }
                // another order created the same new customer at the same moment: it exists now, so once more
                return receiveOnce(draft, actor, idempotencyKey, intake, sent);
            }
        } catch (RuntimeException e) {
            boolean lostARace = isUniqueViolation(e) || e instanceof StateConflict;
            if (lostARace && idempotencyKey != null) {
                var winner = QuarkusTransaction.requiringNew().call(() -> keys.previous(scope, idempotencyKey, sent));
                if (winner.isPresent()) {
                    return new Received(null, null, winner.get());
                }
            }
            if (!isUniqueViolationOf(e, EXTERNAL_ID)) {
                throw e;
            }
            throw duplicate(orders.findByExternalId(draft.channel(), draft.externalId()).orElseThrow());
        }
    }

    private Received receiveOnce(OrderDraft draft, String actor, String idempotencyKey, Intake intake, Object sent) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = insert(draft, actor, intake.draft());
            Object answer = intake.answer().apply(order);
            if (idempotencyKey != null) {
                keys.remember(intake.scope(), idempotencyKey, sent, 201, intake.location().apply(order), answer);
            }
            return new Received(order, answer, null);
        });
    }

    private Order insert(OrderDraft draft, String actor, boolean asDraft) {
        if (orders.externalIdTaken(draft.channel(), draft.externalId())) {
            throw duplicate(orders.findByExternalId(draft.channel(), draft.externalId()).orElseThrow());
        }
        Customer customer = customers.findOrCreate(draft.documentType(), draft.documentNumber(),
                draft.customerName(), draft.email(), draft.phone(), draft.segment());
        OffsetDateTime now = time.now();
        Order order = new Order(orders.nextOrderNumber(now.getYear()), draft.externalId(), draft.channel(),
                customer.getId(), new OrderCustomer(draft.documentType().name(), draft.documentNumber(),
                        draft.customerName(), draft.email(), draft.phone(), draft.segment().name()),
                draft.addresses(), draft.deliveryMethod(), draft.pickupStoreCode(), draft.paymentMethod(),
                draft.acceptedTermsVersion(), draft.currency(), now);
        if (asDraft) {
            order.startAsDraft();
        }
        draft.lines().forEach(line -> order.addItem(line.product(), line.quantity(), line.installments(),
                line.itemId()));
        order.setWishes(draft.notes(), draft.requestedStartDate(), draft.requestedCompletionDate(), now);
        orders.persist(order); // inserted at once (a duplicate externalId fails here); its items at the flush
        record(order, new OrderEvent(order.getId(), now, "received", null, order.getState(), actor,
                "Order received from channel " + draft.channel() + (asDraft ? " as a draft" : "")), null);
        return order;
    }

    /**
     * Replaces the request of a draft or held order with a revised one (and its particulars: item ids, notes, wished
     * dates), validated as on receipt, in the caller's transaction; the order keeps its number, channel and
     * externalId. Anything else is refused with 409.
     */
    public Order revise(long id, OrderRequest request, OrderParticulars particulars, String actor) {
        OrderDraft draft = validator.validate(request, particulars);
        Order order = lockForUpdate(id);
        if (order.getState() != OrderState.DRAFT && order.getState() != OrderState.PENDING) {
            throw new StateConflict("Only a draft or pending order can be changed; order " + order.getOrderNumber()
                    + " is " + order.getState().tmf(), order.getState().tmf(), order.ref(), List.of());
        }
        if (!draft.externalId().equals(order.getExternalId()) || draft.channel() != order.getChannel()) {
            throw new InvalidInput(draft.channel() != order.getChannel() ? "channel"
                    : "externalId", "cannot be changed: the order was received as " + order.getChannel() + " "
                    + order.getExternalId());
        }
        Customer customer = customers.findOrCreate(draft.documentType(), draft.documentNumber(),
                draft.customerName(), draft.email(), draft.phone(), draft.segment());
        OffsetDateTime now = time.now();
        order.revise(customer.getId(), new OrderCustomer(draft.documentType().name(), draft.documentNumber(),
                        draft.customerName(), draft.email(), draft.phone(), draft.segment().name()),
                draft.addresses(), draft.deliveryMethod(), draft.pickupStoreCode(), draft.paymentMethod(),
                draft.acceptedTermsVersion(), draft.currency(), now);
        order.clearItems();
        orders.flush(); // the old lines go before the new ones take their numbers
        draft.lines().forEach(line -> order.addItem(line.product(), line.quantity(), line.installments(),
                line.itemId()));
        order.setWishes(draft.notes(), draft.requestedStartDate(), draft.requestedCompletionDate(), now);
        orders.flush();
        note(order, "revised", actor, "Order revised by " + actor);
        return order;
    }

    @Transactional
    public Order get(long id) {
        return orders.findWithItems(id).orElseThrow(() -> new NotFound("Order", id));
    }

    @Transactional
    public Page<Order> search(OrderState state, Channel channel, String externalId, String customerDocument,
            int page, int size) {
        Page.validate(page, size);
        var query = orders.search(state, channel, externalId, customerDocument);
        List<Order> found = query.page(page, size).list();
        found.forEach(o -> o.getItems().size());
        return new Page<>(found, page, size, query.count());
    }

    /** A window of the orders matching the criteria, newest first, with how many match in all. */
    public record Window(List<Order> orders, long total) {
    }

    /** Orders matching the criteria from {@code offset}, at most {@code limit}, in the caller's transaction. */
    @Transactional
    public Window window(OrderCriteria criteria, int offset, int limit) {
        var query = orders.matching(criteria);
        long total = query.count();
        return new Window(limit == 0 ? List.of() : query.range(offset, offset + limit - 1).list(), total);
    }

    /** Orders waiting for a person's decision, oldest first: the review queue. */
    @Transactional
    public Page<Order> pendingOldestFirst(int page, int size) {
        Page.validate(page, size);
        var query = orders.find("state", Sort.ascending("createdAt", "id"), OrderState.PENDING);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Moves the order to its next state and records why and who, in the caller's transaction. */
    public void transition(Order order, OrderState next, String milestone, String actor, String cause) {
        transition(order, next, milestone, actor, cause, null);
    }

    /** The same, about {@code subject} (the decision that moved it), which observers of the history receive. */
    public void transition(Order order, OrderState next, String milestone, String actor, String cause,
            Object subject) {
        OrderState from = order.getState();
        OffsetDateTime now = time.now();
        order.moveTo(next, now);
        record(order, new OrderEvent(order.getId(), now, milestone, from, next, actor, cause), subject);
    }

    /** Records a milestone that does not change the order's state (a follow-up due, a satisfaction score). */
    public void note(Order order, String milestone, String actor, String cause) {
        note(order, milestone, actor, cause, null);
    }

    /** Records a milestone about {@code subject} (the shipment, work order or invoice that changed). */
    public void note(Order order, String milestone, String actor, String cause, Object subject) {
        record(order, new OrderEvent(order.getId(), time.now(), milestone, order.getState(), order.getState(), actor,
                cause), subject);
    }

    // the one place history is written: observers (the event outbox) write in this same transaction
    private void record(Order order, OrderEvent entry, Object subject) {
        events.persist(entry);
        order.recorded(entry);
        recorded.fire(new OrderHistoryRecorded(order, entry, subject));
    }

    /** The order with its items, locked until the caller's transaction ends: one change at a time per order. */
    public Order lockForUpdate(long id) {
        Order order = orders.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("Order", id));
        order.getItems().size();
        return order;
    }

    @Transactional
    public List<OrderEvent> history(long id) {
        requireExists(id);
        return events.history(id);
    }

    /**
     * The history of an order this transaction holds: not read again when the transaction made the order (every
     * entry of it was recorded here, on this instance).
     */
    @Transactional
    public List<OrderEvent> history(Order order) {
        List<OrderEvent> held = order.historyWhileNew();
        return held != null ? held : events.history(order.getId());
    }

    /**
     * Fails with 404 unless the order exists; an order this transaction already holds is not read again (unlike
     * {@link #get}, which loads it with its items).
     */
    @Transactional
    public void requireExists(long id) {
        if (orders.findByIdOptional(id).isEmpty()) {
            throw new NotFound("Order", id);
        }
    }

    private static StateConflict duplicate(Order existing) {
        return new StateConflict("An order with channel " + existing.getChannel() + " and externalId "
                + existing.getExternalId() + " already exists: " + existing.getOrderNumber(),
                existing.getState().tmf(), existing.ref(), List.of());
    }

    private static boolean isUniqueViolationOf(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && "23505".equals(c.getSQLState())
                    && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
