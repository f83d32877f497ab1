package pe.telco.orders.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Products by code. */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {
}
