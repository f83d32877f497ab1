package pe.telco.orders.catalog;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.Page;
import pe.telco.orders.common.ReferenceCache;
import pe.telco.orders.common.ReferenceChanges;

/** Keeps the catalogue: publishes products and answers what a product code is. */
@ApplicationScoped
public class ProductService {

    /** The name other instances hear when the catalogue changes. */
    static final String CACHE = "catalogue";

    private final ProductRepository products;
    private final ReferenceChanges changes;
    /** The whole catalogue by code: read on every order, changed by operations a few times a day. */
    private final ReferenceCache<Map<String, Product>> catalogue;

    ProductService(ProductRepository products, ReferenceChanges changes) {
        this.products = products;
        this.changes = changes;
        this.catalogue = changes.cache(CACHE);
    }

    /** The products with these codes that exist, by code, from the cached catalogue (never change them). */
    public Map<String, Product> byCodes(Collection<String> codes) {
        Map<String, Product> all = catalogue.get(() -> products.listAll().stream()
                .collect(Collectors.toUnmodifiableMap(Product::getCode, Function.identity())));
        return codes.stream().filter(all::containsKey).distinct()
                .collect(Collectors.toMap(Function.identity(), all::get));
    }

    /** Creates or replaces the product with this code. */
    @Transactional
    public Product upsert(String code, ProductRequest request) {
        checkConsistent(request);
        Product product = products.findByIdOptional(code).orElseGet(() -> new Product(code));
        product.describe(request.name(), request.kind(), request.category(), request.downloadMbps());
        product.price(request.price(), request.monthlyFee(), request.currencyOrDefault());
        product.terms(request.isFinanceable(), request.maxInstallmentsOrZero(), request.contractMonthsOrZero());
        products.persist(product);
        changes.changed(CACHE);
        return product;
    }

    /** The product with this code, or {@link NotFound}. */
    @Transactional
    public Product get(String code) {
        return find(code).orElseThrow(() -> new NotFound("Product", code));
    }

    @Transactional
    public Optional<Product> find(String code) {
        return products.findByIdOptional(code);
    }

    @Transactional
    public boolean exists(String code) {
        return products.count("code", code) > 0;
    }

    /** The catalogue ordered by code. */
    @Transactional
    public Page<Product> list(int page, int size) {
        Page.validate(page, size);
        var query = products.findAll(Sort.by("code")).page(page, size);
        return new Page<>(query.list(), page, size, query.count());
    }

    /** Rules between fields that annotations on single fields cannot say. */
    private static void checkConsistent(ProductRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.category().kind() != request.kind()) {
            errors.add(new FieldError("category",
                    "must be one of " + ProductCategory.of(request.kind()) + " for a " + request.kind()));
        }
        if (!isIsoCurrency(request.currencyOrDefault())) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
        }
        if (request.isFinanceable() && request.kind() != ProductKind.DEVICE) {
            errors.add(new FieldError("financeable", "only devices can be financed"));
        }
        if (request.isFinanceable() && request.maxInstallmentsOrZero() < 1) {
            errors.add(new FieldError("maxInstallments", "must be at least 1 when the product is financeable"));
        }
        if (!request.isFinanceable() && request.maxInstallmentsOrZero() > 0) {
            errors.add(new FieldError("maxInstallments", "must be 0 when the product is not financeable"));
        }
        if (request.category().isFixedInternet() && request.downloadMbps() == null) {
            errors.add(new FieldError("downloadMbps", "is required for fixed internet"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static boolean isIsoCurrency(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }
}
