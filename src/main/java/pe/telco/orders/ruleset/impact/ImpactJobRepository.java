package pe.telco.orders.ruleset.impact;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Impact preview jobs. */
@ApplicationScoped
public class ImpactJobRepository implements PanacheRepository<ImpactJob> {
}
