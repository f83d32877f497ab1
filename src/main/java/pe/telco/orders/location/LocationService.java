package pe.telco.orders.location;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.Page;

/** Keeps the warehouses and stores. */
@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;

    LocationService(LocationRepository locations) {
        this.locations = locations;
    }

    /** Creates or replaces the location with this code. */
    @Transactional
    public Location upsert(String code, LocationRequest request) {
        Location location = locations.findByIdOptional(code).orElseGet(() -> new Location(code));
        location.describe(request.name(), request.kind(), request.district());
        locations.persist(location);
        return location;
    }

    /** The location with this code, or {@link NotFound}. */
    @Transactional
    public Location get(String code) {
        return find(code).orElseThrow(() -> new NotFound("Location", code));
    }

    @Transactional
    public Optional<Location> find(String code) {
        return locations.findByIdOptional(code);
    }

    /** Every location ordered by code. */
    @Transactional
    public Page<Location> list(int page, int size) {
        Page.validate(page, size);
        var query = locations.findAll(Sort.by("code")).page(page, size);
        return new Page<>(query.list(), page, size, query.count());
    }
}
