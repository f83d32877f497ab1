package pe.telco.orders.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Customers by id or identity document. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

    private static final String WITH_PRODUCTS = "from Customer c left join fetch c.products ";

    public Optional<Customer> findByDocument(DocumentType type, String number) {
        return find("documentType = ?1 and documentNumber = ?2", type, number).singleResultOptional();
    }

    /** The customer and its current products, in one query. */
    public Optional<Customer> findWithProducts(DocumentType type, String number) {
        return find(WITH_PRODUCTS + "where c.documentType = ?1 and c.documentNumber = ?2", type, number)
                .singleResultOptional();
    }

    /** The customer and its current products, in one query. */
    public Optional<Customer> findWithProducts(long id) {
        return find(WITH_PRODUCTS + "where c.id = ?1", id).singleResultOptional();
    }
}
