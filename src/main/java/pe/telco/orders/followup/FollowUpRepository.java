package pe.telco.orders.followup;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Follow-ups, one per order. */
@ApplicationScoped
public class FollowUpRepository implements PanacheRepository<FollowUp> {

    public Optional<FollowUp> ofOrder(long orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /** Newest first, optionally only those in {@code state}. */
    public PanacheQuery<FollowUp> search(String state, Long orderId) {
        Sort newest = Sort.descending("createdAt", "id");
        if (orderId != null) {
            return find("orderId", newest, orderId);
        }
        return state == null ? findAll(newest) : find("state", newest, state);
    }
}
