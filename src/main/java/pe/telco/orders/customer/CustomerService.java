package pe.telco.orders.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;

/** Keeps customers: their credit profile and current products, and finds or creates one when an order arrives. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final ProductService products;
    private final OperatorTime time;

    CustomerService(CustomerRepository customers, ProductService products, OperatorTime time) {
        this.customers = customers;
        this.products = products;
        this.time = time;
    }

    /** Creates or replaces the customer with this document; its current products are replaced wholesale. */
    @Transactional
    public Customer upsert(DocumentType type, String documentNumber, CustomerRequest request) {
        String number = DocumentType.normalize(documentNumber);
        checkMeaning(type, number, request);
        Customer customer = customers.findWithProducts(type, number)
                .orElseGet(() -> new Customer(type, number, time.now()));
        customer.contact(request.name(), request.email(), request.phone(), request.segment());
        LocalDate since = request.customerSince() != null ? request.customerSince() : customer.getCustomerSince();
        customer.creditProfile(since, request.creditScore(), request.overdueDebtOrZero());
        replaceProducts(customer, request.productsOrNone());
        customers.persist(customer);
        return customer;
    }

    /** The customer with its current products, or {@link NotFound}. */
    @Transactional
    public Customer get(DocumentType type, String documentNumber) {
        String number = DocumentType.normalize(documentNumber);
        checkNumber(type, number);
        return customers.findWithProducts(type, number)
                .orElseThrow(() -> new NotFound("Customer", type + " " + number));
    }

    /**
     * The customer an order names: found by document, or created with what the order says, no credit score,
     * no overdue debt and customer since today in Lima. An existing customer is returned unchanged.
     */
    @Transactional
    public Customer findOrCreate(DocumentType type, String documentNumber, String name, String email, String phone,
                                 Segment segment) {
        String number = DocumentType.normalize(documentNumber);
        checkNumber(type, number);
        return customers.findByDocument(type, number).orElseGet(() -> {
            Customer created = new Customer(type, number, time.now());
            created.contact(name, email, phone, segment);
            customers.persist(created);
            return created;
        });
    }

    /** The customer and its current products, loaded in one query, or {@link NotFound}. */
    @Transactional
    public Customer getWithCurrentProducts(long customerId) {
        return customers.findWithProducts(customerId).orElseThrow(() -> new NotFound("Customer", customerId));
    }

    /** Records that the customer now has the product at the address, since today in Lima (fulfilment). */
    @Transactional
    public CustomerProduct addCurrentProduct(long customerId, String productCode, ServiceAddress address) {
        Customer customer = getWithCurrentProducts(customerId);
        if (!products.exists(productCode)) {
            throw new NotFound("Product", productCode);
        }
        return customer.addProduct(productCode, address, time.now().toLocalDate());
    }

    /** Keeps the start day of products the customer already had at the same address. */
    private void replaceProducts(Customer customer, List<CustomerRequest.CurrentProduct> current) {
        LocalDate today = time.now().toLocalDate();
        List<LocalDate> sinces = current.stream().map(p -> p.since() != null ? p.since()
                : orToday(customer.sinceOf(p.productCode(), p.address().toServiceAddress()), today)).toList();
        customer.removeAllProducts();
        for (int i = 0; i < current.size(); i++) {
            customer.addProduct(current.get(i).productCode(), current.get(i).address().toServiceAddress(),
                    sinces.get(i));
        }
    }

    private static LocalDate orToday(LocalDate day, LocalDate today) {
        return day != null ? day : today;
    }

    /** Rules the annotations cannot say: the number's format by type, dates not ahead, products that exist. */
    private void checkMeaning(DocumentType type, String number, CustomerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!type.accepts(number)) {
            errors.add(new FieldError("documentNumber", type.rule()));
        }
        LocalDate today = time.now().toLocalDate();
        if (request.customerSince() != null && request.customerSince().isAfter(today)) {
            errors.add(new FieldError("customerSince", "must not be after today (" + today + ")"));
        }
        List<CustomerRequest.CurrentProduct> current = request.productsOrNone();
        for (int i = 0; i < current.size(); i++) {
            if (!products.exists(current.get(i).productCode())) {
                errors.add(new FieldError("products[" + i + "].productCode", "is not in the catalogue"));
            }
            if (current.get(i).since() != null && current.get(i).since().isAfter(today)) {
                errors.add(new FieldError("products[" + i + "].since", "must not be after today (" + today + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static void checkNumber(DocumentType type, String number) {
        if (!type.accepts(number)) {
            throw new InvalidInput("documentNumber", type.rule());
        }
    }
}
