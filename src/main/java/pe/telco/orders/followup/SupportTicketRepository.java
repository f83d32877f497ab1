package pe.telco.orders.followup;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Support tickets. */
@ApplicationScoped
public class SupportTicketRepository implements PanacheRepository<SupportTicket> {

    /** Newest first, optionally of one order. */
    public PanacheQuery<SupportTicket> search(Long orderId) {
        Sort newest = Sort.descending("createdAt", "id");
        return orderId == null ? findAll(newest) : find("orderId", newest, orderId);
    }
}
