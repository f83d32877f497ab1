package pe.telco.orders.tmf.cancel;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Cancel requests by id. */
@ApplicationScoped
public class CancelTaskRepository implements PanacheRepository<CancelTask> {
}
