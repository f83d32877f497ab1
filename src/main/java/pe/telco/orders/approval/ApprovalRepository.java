package pe.telco.orders.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Decisions of people on held orders. */
@ApplicationScoped
public class ApprovalRepository implements PanacheRepository<Approval> {
}
