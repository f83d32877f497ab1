package pe.telco.orders.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import pe.telco.orders.common.OperatorTime;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderService;

/** Satisfaction follow-ups after completion, and support tickets when something went wrong. */
@ApplicationScoped
public class FollowUpService {

    private final FollowUpRepository followUps;
    private final SupportTicketRepository tickets;
    private final OrderService orders;
    private final FollowUpConfig config;
    private final OperatorTime time;

    FollowUpService(FollowUpRepository followUps, SupportTicketRepository tickets, OrderService orders,
            FollowUpConfig config, OperatorTime time) {
        this.followUps = followUps;
        this.tickets = tickets;
        this.orders = orders;
        this.config = config;
        this.time = time;
    }

    /** A completed (or partly completed) order gets its satisfaction contact; in the caller's transaction. */
    public FollowUp due(Order order) {
        OffsetDateTime now = time.now();
        FollowUp followUp = new FollowUp(order.getId(), now.toLocalDate().plusDays(config.dueAfterDays()), now);
        followUps.persist(followUp);
        orders.note(order, "follow-up-due", "system", "Satisfaction follow-up due on " + followUp.getDueOn());
        return followUp;
    }

    /** Opens a ticket with a scheduled contact; in the caller's transaction. */
    public SupportTicket openTicket(Order order, String reason, String detail) {
        OffsetDateTime now = time.now();
        SupportTicket ticket = new SupportTicket(order.getId(), reason, detail,
                now.toLocalDate().plusDays(config.contactAfterDays()), now);
        tickets.persist(ticket);
        orders.note(order, "support-ticket-opened", "system", reason + ": " + detail + "; contact on "
                + ticket.getContactOn());
        return ticket;
    }

    /** Records the customer's answer; a low score opens a support ticket. */
    @Transactional
    public FollowUp recordSatisfaction(long orderId, int score, String comment, String actor) {
        Order order = orders.lockForUpdate(orderId);
        FollowUp followUp = followUps.ofOrder(orderId).filter(f -> FollowUp.DUE.equals(f.getState()))
                .orElseThrow(() -> new StateConflict("Order " + order.getOrderNumber() + " has no satisfaction "
                        + "follow-up due (it is " + order.getState().tmf() + ")", order.getState().tmf(),
                        order.ref(), List.of()));
        followUp.answer(score, comment, time.now());
        orders.note(order, "satisfaction", actor, "Score " + score + (comment == null ? "" : ": " + comment));
        if (score <= config.lowScore()) {
            openTicket(order, "LOW_SATISFACTION", "Satisfaction score " + score
                    + (comment == null ? "" : ": " + comment));
        }
        return followUp;
    }

    @Transactional
    public Page<FollowUp> search(String state, Long orderId, int page, int size) {
        Page.validate(page, size);
        var query = followUps.search(state, orderId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Page<SupportTicket> tickets(Long orderId, int page, int size) {
        Page.validate(page, size);
        var query = tickets.search(orderId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
