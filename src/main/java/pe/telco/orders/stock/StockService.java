package pe.telco.orders.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.location.Location;
import pe.telco.orders.location.LocationService;

/** Keeps stock by location: counts on hand from operations, reservations from fulfilment. */
@ApplicationScoped
public class StockService {

    private final StockRepository stock;
    private final LocationService locations;
    private final ProductService products;

    StockService(StockRepository stock, LocationService locations, ProductService products) {
        this.stock = stock;
        this.locations = locations;
        this.products = products;
    }

    /** Sets the units on hand of a product at a location; reservations stay as they are. */
    @Transactional
    public Stock countOnHand(String locationCode, String productCode, int quantity) {
        Location location = locations.get(locationCode);
        requireProduct(productCode);
        Stock row = stock.findAt(locationCode, productCode).orElseGet(() -> new Stock(location, productCode));
        row.countOnHand(quantity);
        stock.persist(row);
        return row;
    }

    /** The product at the location; a row never counted reads as zero. */
    @Transactional
    public Stock levelAt(String locationCode, String productCode) {
        Location location = locations.get(locationCode);
        requireProduct(productCode);
        return stock.findAt(locationCode, productCode).orElseGet(() -> new Stock(location, productCode));
    }

    /** Every location holding the product, ordered by location code, locations loaded. */
    @Transactional
    public List<Stock> levelsOf(String productCode) {
        requireProduct(productCode);
        return stock.findByProduct(productCode);
    }

    /** Sets units aside for a released order; {@code StateConflict} when fewer are available. */
    @Transactional
    public Stock reserve(String locationCode, String productCode, int quantity) {
        Stock row = stock.findAt(locationCode, productCode)
                .orElseThrow(() -> new NotFound("Stock of " + productCode + " at", locationCode));
        row.reserve(quantity);
        return row;
    }

    /** Gives reserved units back; {@code StateConflict} when fewer are reserved. */
    @Transactional
    public Stock release(String locationCode, String productCode, int quantity) {
        Stock row = stock.findAt(locationCode, productCode)
                .orElseThrow(() -> new NotFound("Stock of " + productCode + " at", locationCode));
        row.release(quantity);
        return row;
    }

    private void requireProduct(String productCode) {
        if (!products.exists(productCode)) {
            throw new NotFound("Product", productCode);
        }
    }

    /** Fresh stock of the given products everywhere, for deciding an order (read in the caller's transaction). */
    public List<StockLevel> levelsOf(Collection<String> productCodes) {
        return productCodes.isEmpty() ? List.of() : stock.levelsOf(productCodes);
    }

    /** Sets units aside for a released order only if they are still available (false: someone took them). */
    public boolean reserveIfAvailable(String locationCode, String productCode, int quantity) {
        return stock.reserveIfAvailable(locationCode, productCode, quantity);
    }

    /** Gives a cancelled order's reserved units back (false: they were not reserved there). */
    public boolean unreserve(String locationCode, String productCode, int quantity) {
        return stock.unreserve(locationCode, productCode, quantity);
    }

    /**
     * Reserves at the warehouse with the most available units among those no other order is reserving at right now,
     * in one statement; empty when none of them has the units.
     */
    public Optional<String> reserveAtBestWarehouse(String productCode, int quantity) {
        return stock.reserveAtBestWarehouse(productCode, quantity);
    }

    /** Warehouses holding at least {@code quantity} available units, most available first. */
    public List<String> warehousesWith(String productCode, int quantity) {
        return stock.warehousesWith(productCode, quantity);
    }

    /** Reserved units leave the location: dispatched, or handed over at the pickup store (false: not reserved). */
    public boolean take(String locationCode, String productCode, int quantity) {
        return stock.take(locationCode, productCode, quantity);
    }

    /** A returned shipment's units are back on hand (false: no such stock row). */
    public boolean putBack(String locationCode, String productCode, int quantity) {
        return stock.putBack(locationCode, productCode, quantity);
    }
}
