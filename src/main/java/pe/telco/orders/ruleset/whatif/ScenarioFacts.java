package pe.telco.orders.ruleset.whatif;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.StockAtLocation;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;

/**
 * Turns frozen facts into a {@link Scenario} a person can edit, and an edited scenario back into the facts the rules
 * read, deriving the totals as the service does for a real order. Every invalid field is reported, in English and
 * Spanish, before any rule runs. Pure: the product data of the items comes in as templates.
 */
public final class ScenarioFacts {

    static final List<String> DOCUMENT_TYPES = List.of("DNI", "CE", "RUC", "PASSPORT");
    static final List<String> SEGMENTS = List.of("RESIDENTIAL", "BUSINESS");
    static final List<String> CHANNELS = List.of("STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP");
    static final List<String> DELIVERY = List.of("", "HOME_DELIVERY", "STORE_PICKUP");
    static final List<String> LOCATION_KINDS = List.of("WAREHOUSE", "STORE");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern TERMS = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{2,40}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private ScenarioFacts() {
    }

    /** The scenario that reproduces these facts exactly. */
    public static Scenario of(EvaluationFacts facts) {
        OrderFacts o = facts.order();
        CustomerFacts c = facts.customer();
        return new Scenario(
                new Scenario.Customer(c.getDocumentType(), c.getDocumentNumber(), c.getSegment(), c.isExisting(),
                        c.getTenureMonths(), c.isHasCreditScore() ? c.getCreditScore() : null, c.getOverdueDebt()),
                new Scenario.Order(o.getChannel(), o.getDeliveryMethod(), o.getPickupStoreCode(), o.getPostalCode(),
                        o.getAcceptedTermsVersion(), o.getCurrentTermsVersion(), o.getCurrency(), o.getEvaluatedAt()),
                facts.items().stream().map(i -> new Scenario.Item(i.getProductCode(), i.getQuantity(),
                        i.getInstallments(), i.getUnitPrice(), i.getMonthlyFee())).toList(),
                facts.technologies().stream().filter(TechnologyAtAddress::isOffered)
                        .map(t -> new Scenario.Coverage(t.getTechnology(), t.getMaxDownloadMbps())).toList(),
                facts.stock().stream().map(s -> new Scenario.Stock(s.getProductCode(), s.getLocationCode(),
                        s.getLocationKind(), s.getOnHand(), s.getReserved())).toList(),
                facts.currentProducts().stream().map(p -> new Scenario.Owned(p.getProductCode(), p.getCategory(),
                        p.getPostalCode(), p.isAtServiceAddress())).toList());
    }

    /** The product codes a scenario names, whose data must be found before {@link #facts}. */
    public static Set<String> productCodes(Scenario scenario) {
        Set<String> codes = new HashSet<>();
        if (scenario != null && scenario.items() != null) {
            scenario.items().stream().filter(i -> i != null && i.productCode() != null)
                    .forEach(i -> codes.add(i.productCode()));
        }
        return codes;
    }

    /**
     * The facts of an edited scenario. {@code products} are the item templates by product code (the base
     * evaluation's items first, then the catalogue); {@code orderNumber} names the order in the facts.
     */
    public static EvaluationFacts facts(Scenario scenario, Map<String, ItemFacts> products, String orderNumber,
            OffsetDateTime now) {
        Errors errors = new Errors();
        if (scenario == null) {
            errors.add("facts", "is required", "es obligatorio");
            throw errors.invalid();
        }
        CustomerFacts customer = customer(scenario.customer(), errors);
        List<ItemFacts> items = items(scenario.items(), products, errors);
        List<TechnologyAtAddress> technologies = technologies(scenario, errors);
        List<StockAtLocation> stock = stock(scenario.stock(), errors);
        List<CurrentProduct> owned = owned(scenario.currentProducts(), errors);
        OrderFacts order = order(scenario.order(), items, orderNumber, now, errors);
        if (!errors.list.isEmpty()) {
            throw errors.invalid();
        }
        return new EvaluationFacts(order, customer, items, owned, technologies, stock);
    }

    private static CustomerFacts customer(Scenario.Customer c, Errors errors) {
        if (c == null) {
            errors.add("facts.customer", "is required", "es obligatorio");
            return null;
        }
        errors.oneOf("facts.customer.documentType", c.documentType(), DOCUMENT_TYPES);
        errors.required("facts.customer.documentNumber", c.documentNumber(), 20);
        errors.oneOf("facts.customer.segment", c.segment(), SEGMENTS);
        errors.range("facts.customer.tenureMonths", c.tenureMonths(), 0, 1200, false);
        errors.range("facts.customer.creditScore", c.creditScore(), 0, 1000, false);
        errors.amount("facts.customer.overdueDebt", c.overdueDebt());
        return CustomerFacts.of(c.documentType(), c.documentNumber(), c.segment(), Boolean.TRUE.equals(c.existing()),
                c.tenureMonths() == null ? 0 : c.tenureMonths(), c.creditScore(), c.overdueDebt());
    }

    private static List<ItemFacts> items(List<Scenario.Item> items, Map<String, ItemFacts> products, Errors errors) {
        List<ItemFacts> facts = new ArrayList<>();
        if (items == null || items.isEmpty() || items.size() > 50) {
            errors.add("facts.items", "must have 1 to 50 items", "debe tener de 1 a 50 productos");
            return facts;
        }
        for (int n = 0; n < items.size(); n++) {
            String at = "facts.items[" + n + "]";
            Scenario.Item item = items.get(n);
            if (item == null) {
                errors.add(at, "is required", "es obligatorio");
                continue;
            }
            ItemFacts template = item.productCode() == null ? null : products.get(item.productCode());
            if (template == null) {
                errors.add(at + ".productCode", "is not a product of the catalogue",
                        "no es un producto del catálogo");
            }
            boolean ok = errors.range(at + ".quantity", item.quantity(), 1, 20, true)
                    & errors.range(at + ".installments", item.installments(), 0, 60, false)
                    & errors.amount(at + ".unitPrice", item.unitPrice())
                    & errors.amount(at + ".monthlyFee", item.monthlyFee());
            if (template != null && ok) {
                facts.add(new ItemFacts(n + 1, template.getProductCode(), template.getProductName(),
                        template.getKind(), template.getCategory(), item.quantity(),
                        item.installments() == null ? 0 : item.installments(),
                        item.unitPrice() == null ? template.getUnitPrice() : item.unitPrice(),
                        item.monthlyFee() == null ? template.getMonthlyFee() : item.monthlyFee(),
                        template.getDownloadMbps(), template.getContractMonths(), template.isFinanceable(),
                        template.getProductMaxInstallments()));
            }
        }
        return facts;
    }

    private static List<TechnologyAtAddress> technologies(Scenario scenario, Errors errors) {
        String postalCode = scenario.order() == null || scenario.order().postalCode() == null ? ""
                : scenario.order().postalCode();
        List<Scenario.Coverage> offered = scenario.coverage() == null ? List.of() : scenario.coverage();
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < offered.size(); n++) {
            Scenario.Coverage c = offered.get(n);
            String at = "facts.coverage[" + n + "]";
            if (c == null) {
                errors.add(at, "is required", "es obligatorio");
                continue;
            }
            if (errors.oneOf(at + ".technology", c.technology(), Arrays.asList(TechnologyAtAddress.TECHNOLOGIES))
                    && !seen.add(c.technology())) {
                errors.add(at + ".technology", "is listed twice", "está dos veces");
            }
            errors.range(at + ".maxDownloadMbps", c.maxDownloadMbps(), 1, 100_000, true);
        }
        return Arrays.stream(TechnologyAtAddress.TECHNOLOGIES).map(t -> offered.stream()
                .filter(c -> c != null && t.equals(c.technology())).findFirst()
                .map(c -> new TechnologyAtAddress(postalCode, t, true,
                        c.maxDownloadMbps() == null ? 0 : c.maxDownloadMbps()))
                .orElseGet(() -> new TechnologyAtAddress(postalCode, t, false, 0))).toList();
    }

    private static List<StockAtLocation> stock(List<Scenario.Stock> stock, Errors errors) {
        List<StockAtLocation> facts = new ArrayList<>();
        for (int n = 0; stock != null && n < stock.size(); n++) {
            Scenario.Stock s = stock.get(n);
            String at = "facts.stock[" + n + "]";
            if (s == null) {
                errors.add(at, "is required", "es obligatorio");
                continue;
            }
            boolean ok = errors.code(at + ".productCode", s.productCode())
                    & errors.code(at + ".locationCode", s.locationCode())
                    & errors.oneOf(at + ".locationKind", s.locationKind(), LOCATION_KINDS)
                    & errors.range(at + ".onHand", s.onHand(), 0, 1_000_000, true)
                    & errors.range(at + ".reserved", s.reserved(), 0, 1_000_000, false);
            if (ok && s.reserved() != null && s.reserved() > s.onHand()) {
                errors.add(at + ".reserved", "must not exceed onHand", "no puede superar las unidades en almacén");
                ok = false;
            }
            if (ok) {
                facts.add(new StockAtLocation(s.productCode(), s.locationCode(), s.locationKind(), s.onHand(),
                        s.reserved() == null ? 0 : s.reserved()));
            }
        }
        return facts;
    }

    private static List<CurrentProduct> owned(List<Scenario.Owned> owned, Errors errors) {
        List<CurrentProduct> facts = new ArrayList<>();
        for (int n = 0; owned != null && n < owned.size(); n++) {
            Scenario.Owned p = owned.get(n);
            String at = "facts.currentProducts[" + n + "]";
            if (p == null) {
                errors.add(at, "is required", "es obligatorio");
            } else if (errors.code(at + ".productCode", p.productCode())) {
                facts.add(new CurrentProduct(p.productCode(), p.category() == null ? "" : p.category(),
                        p.postalCode() == null ? "" : p.postalCode(), Boolean.TRUE.equals(p.atServiceAddress())));
            }
        }
        return facts;
    }

    private static OrderFacts order(Scenario.Order o, List<ItemFacts> items, String orderNumber, OffsetDateTime now,
            Errors errors) {
        if (o == null) {
            errors.add("facts.order", "is required", "es obligatorio");
            return null;
        }
        errors.oneOf("facts.order.channel", o.channel(), CHANNELS);
        errors.oneOf("facts.order.deliveryMethod", o.deliveryMethod() == null ? "" : o.deliveryMethod(), DELIVERY);
        errors.matches("facts.order.postalCode", o.postalCode(), POSTAL_CODE, "5 digits", "5 dígitos");
        errors.matches("facts.order.acceptedTermsVersion", o.acceptedTermsVersion(), TERMS, "a version like 2026-01",
                "una versión como 2026-01");
        errors.matches("facts.order.currentTermsVersion", o.currentTermsVersion(), TERMS, "a version like 2026-01",
                "una versión como 2026-01");
        if (o.pickupStoreCode() != null && !o.pickupStoreCode().isEmpty()) {
            errors.code("facts.order.pickupStoreCode", o.pickupStoreCode());
        }
        BigDecimal devices = sum(items.stream().filter(ItemFacts::isDevice).map(ItemFacts::getLineTotal).toList());
        BigDecimal financed = sum(items.stream().map(ItemFacts::getFinancedAmount).toList());
        BigDecimal monthly = sum(items.stream().filter(ItemFacts::isService)
                .map(i -> i.getMonthlyFee().multiply(BigDecimal.valueOf(i.getQuantity()))).toList());
        return new OrderFacts(orderNumber, o.channel(), o.deliveryMethod() == null ? "" : o.deliveryMethod(),
                o.pickupStoreCode(), o.postalCode(), o.acceptedTermsVersion(), o.currentTermsVersion(),
                o.currency() == null || o.currency().isBlank() ? "PEN" : o.currency(), devices, financed, monthly,
                items.stream().mapToInt(ItemFacts::getInstallments).max().orElse(0),
                (int) items.stream().filter(ItemFacts::isService).count(),
                items.stream().filter(ItemFacts::isDevice).mapToInt(ItemFacts::getQuantity).sum(),
                o.evaluatedAt() == null ? now : o.evaluatedAt());
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Field errors collected in both languages; each check answers whether the field was fine. */
    static final class Errors {

        final List<FieldError> list = new ArrayList<>();

        void add(String field, String english, String spanish) {
            list.add(new FieldError(field, english, spanish));
        }

        InvalidInput invalid() {
            return new InvalidInput(list);
        }

        boolean oneOf(String field, String value, List<String> allowed) {
            if (value == null || !allowed.contains(value)) {
                add(field, "must be one of " + allowed, "debe ser uno de " + allowed);
                return false;
            }
            return true;
        }

        boolean required(String field, String value, int max) {
            if (value == null || value.isBlank() || value.length() > max) {
                add(field, "must be 1 to " + max + " characters", "debe tener de 1 a " + max + " caracteres");
                return false;
            }
            return true;
        }

        boolean code(String field, String value) {
            if (value == null || !CODE.matcher(value).matches()) {
                add(field, "must be 2 to 40 upper-case letters, digits or dashes",
                        "debe tener de 2 a 40 mayúsculas, dígitos o guiones");
                return false;
            }
            return true;
        }

        boolean matches(String field, String value, Pattern pattern, String english, String spanish) {
            if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
                add(field, "must be " + english + " (or empty)", "debe ser " + spanish + " (o vacío)");
                return false;
            }
            return true;
        }

        boolean range(String field, Integer value, int min, int max, boolean required) {
            if (value == null ? required : value < min || value > max) {
                add(field, "must be a whole number between " + min + " and " + max,
                        "debe ser un número entero entre " + min + " y " + max);
                return false;
            }
            return true;
        }

        boolean amount(String field, BigDecimal value) {
            if (value != null && (value.signum() < 0 || value.scale() > 2 || value.compareTo(MAX_AMOUNT) >= 0)) {
                add(field, "must be an amount of 0 or more with at most two decimals",
                        "debe ser un importe de 0 o más con dos decimales como máximo");
                return false;
            }
            return true;
        }
    }
}
