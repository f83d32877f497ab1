package pe.telco.orders.location;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Locations by code. */
@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<Location, String> {
}
