package pe.telco.orders.stock;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.query.NativeQuery;
import pe.telco.orders.location.LocationKind;

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

    /**
     * The stock of any of these products at every location, read for deciding an order: one statement for the whole
     * order, as plain values (nothing for the persistence context to hold and check at commit), ordered by product
     * and location so the facts read the same every time.
     */
    @SuppressWarnings("unchecked")
    public List<StockLevel> levelsOf(Collection<String> productCodes) {
        List<Object[]> rows = stockSql("select s.product_code, s.location_code, l.kind, s.on_hand, s.reserved"
                + " from stock s join location l on l.location_code = s.location_code where s.product_code in (:p)"
                + " order by s.product_code, s.location_code").setParameterList("p", productCodes).getResultList();
        return rows.stream().map(r -> new StockLevel((String) r[0], (String) r[1], LocationKind.valueOf((String) r[2]),
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    /**
     * Sets units aside only if they are still available, in one statement: two orders racing for the last unit
     * cannot both get it (the second waits for the first's row lock, then finds the condition false).
     */
    public boolean reserveIfAvailable(String locationCode, String productCode, int quantity) {
        return update("update stock set reserved = reserved + :q, version = version + 1 where location_code = :l"
                + " and product_code = :p and on_hand - reserved >= :q", locationCode, productCode, quantity) == 1;
    }

    /** Gives reserved units back (a cancelled order). */
    public boolean unreserve(String locationCode, String productCode, int quantity) {
        return update("update stock set reserved = reserved - :q, version = version + 1 where location_code = :l"
                + " and product_code = :p and reserved >= :q", locationCode, productCode, quantity) == 1;
    }

    /** Reserved units leave the location (dispatched, or handed over at the pickup store). */
    public boolean take(String locationCode, String productCode, int quantity) {
        return update("update stock set on_hand = on_hand - :q, reserved = reserved - :q, version = version + 1"
                + " where location_code = :l and product_code = :p and reserved >= :q", locationCode, productCode,
                quantity) == 1;
    }

    /** Units come back on hand (a shipment returned). */
    public boolean putBack(String locationCode, String productCode, int quantity) {
        return update("update stock set on_hand = on_hand + :q, version = version + 1 where location_code = :l"
                + " and product_code = :p", locationCode, productCode, quantity) == 1;
    }

    /** Warehouses holding at least {@code quantity} available units, most available first. */
    @SuppressWarnings("unchecked")
    public List<String> warehousesWith(String productCode, int quantity) {
        return stockSql("select s.location_code from stock s join location l"
                + " on l.location_code = s.location_code where s.product_code = :p and l.kind = 'WAREHOUSE'"
                + " and s.on_hand - s.reserved >= :q order by s.on_hand - s.reserved desc, s.location_code")
                .setParameter("p", productCode).setParameter("q", quantity).getResultList();
    }

    /**
     * Sets units aside at the warehouse with the most available among those no other transaction is reserving at
     * (their rows locked now), in one statement, as {@link #reserveIfAvailable} does. Empty when none has them, or
     * every one that has them is locked by another order: the caller then tries each in turn, waiting if it must.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> reserveAtBestWarehouse(String productCode, int quantity) {
        List<String> reserved = stockSql("update stock s set reserved = s.reserved + :q, version = s.version + 1"
                + " where s.product_code = :p and s.on_hand - s.reserved >= :q and s.location_code = (select"
                + " b.location_code from stock b join location l on l.location_code = b.location_code"
                + " where b.product_code = :p and l.kind = 'WAREHOUSE' and b.on_hand - b.reserved >= :q"
                + " order by b.on_hand - b.reserved desc, b.location_code limit 1 for update of b skip locked)"
                + " returning s.location_code")
                .setParameter("p", productCode).setParameter("q", quantity).getResultList();
        return reserved.stream().findFirst();
    }

    private int update(String sql, String locationCode, String productCode, int quantity) {
        return stockSql(sql).setParameter("l", locationCode).setParameter("p", productCode).setParameter("q", quantity)
                .executeUpdate();
    }

    /**
     * SQL on the stock and location tables, run without flushing the persistence context first. These tables are
     * changed through entities only by {@link StockService#countOnHand} and the test helpers, each in its own
     * transaction, never in one that runs this SQL; so there is never anything of theirs to flush, and an automatic
     * flush would only dirty-check everything else the transaction holds (an order, its items, shipments, work
     * orders and history) before every statement, which made the cost of releasing an order grow with the square of
     * its devices.
     */
    @SuppressWarnings("rawtypes")
    private NativeQuery stockSql(String sql) {
        return getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("stock")
                .addSynchronizedQuerySpace("location").setFlushMode(FlushModeType.COMMIT);
    }
}
