package pe.telco.orders.evaluation;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.coverage.Coverage;
import pe.telco.orders.coverage.CoverageService;
import pe.telco.orders.customer.CustomerProfile;
import pe.telco.orders.customer.CustomerService;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.StockAtLocation;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;
import pe.telco.orders.order.Order;
import pe.telco.orders.order.OrderAddresses;
import pe.telco.orders.order.OrderDraft;
import pe.telco.orders.order.OrderItem;
import pe.telco.orders.stock.StockLevel;
import pe.telco.orders.stock.StockService;
import pe.telco.orders.terms.TermsService;

/**
 * Reads, in a few queries, everything the rules need for one order: the customer's profile and current products,
 * coverage at the service address, stock of the devices, and the terms in effect on the evaluation day.
 */
@ApplicationScoped
public class FactsGatherer {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private final CustomerService customers;
    private final ProductService products;
    private final CoverageService coverage;
    private final StockService stock;
    private final TermsService terms;
    private final DraftReads draftReads;

    public FactsGatherer(CustomerService customers, ProductService products, CoverageService coverage,
            StockService stock, TermsService terms, DraftReads draftReads) {
        this.customers = customers;
        this.products = products;
        this.coverage = coverage;
        this.stock = stock;
        this.terms = terms;
        this.draftReads = draftReads;
    }

    /** The facts of a stored order, with the prices copied onto it. */
    @WithSpan("gather facts")
    public EvaluationFacts forOrder(Order order, OffsetDateTime at) {
        List<ItemFacts> items = order.getItems().stream().map(FactsGatherer::itemFacts).toList();
        CustomerProfile customer = CustomerProfile.of(customers.getWithCurrentProducts(order.getCustomerId()));
        Header header = new Header(order.getOrderNumber(), order.getChannel().name(),
                order.getDeliveryMethod() == null ? "" : order.getDeliveryMethod().name(), order.getPickupStoreCode(),
                order.getAddresses(), order.getAcceptedTermsVersion(), order.getCurrency());
        return gather(header, items, Optional.of(customer), customerFacts(customer, at), stock.levelsOf(devices(items)),
                at);
    }

    /** The facts of an order that is only being tried (dry run): current catalogue prices, nothing stored. */
    @WithSpan("gather facts")
    public EvaluationFacts forDraft(OrderDraft draft, OffsetDateTime at) {
        List<ItemFacts> items = new ArrayList<>();
        for (OrderDraft.Line line : draft.lines()) {
            Product p = line.product();
            items.add(new ItemFacts(items.size() + 1, p.getCode(), p.getName(), p.getKind().name(),
                    p.getCategory().name(), line.quantity(), line.installments(), p.getPrice(), p.getMonthlyFee(),
                    p.getDownloadMbps() == null ? 0 : p.getDownloadMbps(), p.getContractMonths(), p.isFinanceable(),
                    p.getMaxInstallments()));
        }
        DraftReads.Fresh fresh = draftReads.read(draft.documentType(),
                DocumentType.normalize(draft.documentNumber()), devices(items));
        Optional<CustomerProfile> known = fresh.customer();
        CustomerFacts customerFacts = known.map(c -> customerFacts(c, at))
                .orElseGet(() -> CustomerFacts.of(draft.documentType().name(), draft.documentNumber(),
                        draft.segment().name(), false, 0, null, BigDecimal.ZERO));
        Header header = new Header("DRY-RUN", draft.channel().name(),
                draft.deliveryMethod() == null ? "" : draft.deliveryMethod().name(), draft.pickupStoreCode(),
                draft.addresses(), draft.acceptedTermsVersion(), draft.currency());
        return gather(header, items, known, customerFacts, fresh.stock(), at);
    }

    private record Header(String orderNumber, String channel, String deliveryMethod, String pickupStoreCode,
            OrderAddresses addresses, String acceptedTermsVersion, String currency) {
    }

    private EvaluationFacts gather(Header header, List<ItemFacts> items, Optional<CustomerProfile> customer,
            CustomerFacts customerFacts, List<StockLevel> stockLevels, OffsetDateTime at) {
        String postalCode = header.addresses() == null ? null : header.addresses().servicePostalCode();
        BigDecimal devices = sum(items.stream().filter(ItemFacts::isDevice).map(ItemFacts::getLineTotal).toList());
        BigDecimal financed = sum(items.stream().map(ItemFacts::getFinancedAmount).toList());
        BigDecimal monthly = sum(items.stream().filter(ItemFacts::isService)
                .map(i -> i.getMonthlyFee().multiply(BigDecimal.valueOf(i.getQuantity()))).toList());
        OrderFacts order = new OrderFacts(header.orderNumber(), header.channel(), header.deliveryMethod(),
                header.pickupStoreCode(), postalCode, header.acceptedTermsVersion(),
                terms.currentVersion(at.toLocalDate()).orElse(null), header.currency(), devices, financed, monthly,
                items.stream().mapToInt(ItemFacts::getInstallments).max().orElse(0),
                (int) items.stream().filter(ItemFacts::isService).count(),
                items.stream().filter(ItemFacts::isDevice).mapToInt(ItemFacts::getQuantity).sum(), at);
        return new EvaluationFacts(order, customerFacts, items,
                customer.map(c -> currentProducts(c, header.addresses())).orElse(List.of()),
                technologies(postalCode), stockLevels.stream().map(s -> new StockAtLocation(s.productCode(),
                        s.locationCode(), s.locationKind().name(), s.onHand(), s.reserved())).toList());
    }

    private static ItemFacts itemFacts(OrderItem i) {
        return new ItemFacts(i.getLine(), i.getProductCode(), i.getProductName(), i.getKind(), i.getCategory(),
                i.getQuantity(), i.getInstallments(), i.getUnitPrice(), i.getMonthlyFee(),
                i.getDownloadMbps() == null ? 0 : i.getDownloadMbps(), i.getContractMonths(), i.isFinanceable(),
                i.getMaxInstallments());
    }

    private static CustomerFacts customerFacts(CustomerProfile c, OffsetDateTime at) {
        int tenure = (int) Math.max(0, ChronoUnit.MONTHS.between(c.customerSince(), at.toLocalDate()));
        return CustomerFacts.of(c.documentType().name(), c.documentNumber(), c.segment().name(), true, tenure,
                c.creditScore(), c.overdueDebt());
    }

    private List<CurrentProduct> currentProducts(CustomerProfile customer, OrderAddresses addresses) {
        List<CustomerProfile.Owned> owned = customer.products();
        if (owned.isEmpty()) {
            return List.of();
        }
        Set<String> codes = owned.stream().map(CustomerProfile.Owned::productCode).collect(Collectors.toSet());
        Map<String, Product> catalogue = products.byCodes(codes);
        return owned.stream().map(p -> new CurrentProduct(p.productCode(),
                Optional.ofNullable(catalogue.get(p.productCode())).map(x -> x.getCategory().name()).orElse(""),
                p.postalCode(), sameAddress(p, addresses))).toList();
    }

    /** Same postal code and the same street, ignoring case, accents of spacing and punctuation. */
    private static boolean sameAddress(CustomerProfile.Owned product, OrderAddresses addresses) {
        if (addresses == null || addresses.servicePostalCode() == null) {
            return false;
        }
        return addresses.servicePostalCode().equals(product.postalCode())
                && normalize(addresses.serviceStreet()).equals(normalize(product.street()));
    }

    private static String normalize(String street) {
        String plain = ACCENTS.matcher(java.text.Normalizer.normalize(street == null ? "" : street,
                java.text.Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private List<TechnologyAtAddress> technologies(String postalCode) {
        Map<String, Integer> offered = postalCode == null ? Map.of() : coverage.availableAt(postalCode).stream()
                .collect(Collectors.toMap(c -> c.getTechnology().name(), Coverage::getMaxDownloadMbps, Math::max));
        return Arrays.stream(TechnologyAtAddress.TECHNOLOGIES)
                .map(t -> new TechnologyAtAddress(postalCode == null ? "" : postalCode, t, offered.containsKey(t),
                        offered.getOrDefault(t, 0)))
                .toList();
    }

    private static Set<String> devices(List<ItemFacts> items) {
        return items.stream().filter(ItemFacts::isDevice).map(ItemFacts::getProductCode).collect(Collectors.toSet());
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
