package pe.telco.orders.terms;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** Terms versions by version. */
@ApplicationScoped
public class TermsRepository implements PanacheRepositoryBase<Terms, String> {

    /** The version with the latest start on or before the day (ties: the greatest version). */
    public Optional<Terms> findInEffectOn(LocalDate day) {
        return find("effectiveFrom <= ?1", Sort.descending("effectiveFrom", "version"), day)
                .firstResultOptional();
    }
}
