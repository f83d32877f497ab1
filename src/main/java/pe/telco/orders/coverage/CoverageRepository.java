package pe.telco.orders.coverage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Technologies available by postal code. */
@ApplicationScoped
public class CoverageRepository implements PanacheRepositoryBase<Coverage, Coverage.Key> {

    public List<Coverage> findAt(String postalCode) {
        return list("postalCode", Sort.by("technology"), postalCode);
    }

    public long deleteAt(String postalCode) {
        return delete("postalCode", postalCode);
    }
}
