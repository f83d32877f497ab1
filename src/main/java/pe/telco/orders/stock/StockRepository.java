package pe.telco.orders.stock;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Stock rows by location and product. */
@ApplicationScoped
public class StockRepository implements PanacheRepositoryBase<Stock, Stock.Key> {

    public Optional<Stock> findAt(String locationCode, String productCode) {
        return findByIdOptional(new Stock.Key(locationCode, productCode));
    }

    /** Every location holding the product, with the location loaded, ordered by location code. */
    public List<Stock> findByProduct(String productCode) {
        return find("from Stock s join fetch s.location where s.productCode = ?1 order by s.locationCode",
                productCode).list();
    }
}
