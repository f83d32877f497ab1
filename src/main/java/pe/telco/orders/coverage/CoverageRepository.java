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

    /**
     * Holds the postal code for this transaction, so that two replacements of it run one after the other: each would
     * otherwise delete the rows it sees and insert its own, and the two lists would merge or collide on the key.
     */
    public void lockPostalCode(String postalCode) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(727003, hashtext(?1))::text")
                .setParameter(1, postalCode).getSingleResult();
    }

    public long deleteAt(String postalCode) {
        return delete("postalCode", postalCode);
    }
}
