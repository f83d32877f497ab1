package pe.telco.orders.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.StockAtLocation;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;

/**
 * Facts for rule tests, written as scenarios: {@code Orders.fibre("FIBER-300", 300).at(SAN_ISIDRO).forGoodPayer()}.
 * The defaults are a clean order: current terms accepted, an existing residential customer with a good profile.
 */
public final class Orders {

    public static final Map<String, Integer> SAN_ISIDRO = Map.of("FTTH", 1000, "HFC", 500, "LTE", 150, "NR5G", 800);
    public static final Map<String, Integer> VILLA_EL_SALVADOR = Map.of("HFC", 200, "DSL", 20, "LTE", 100);
    public static final Map<String, Integer> PUNTA_HERMOSA = Map.of("LTE", 50);
    public static final Map<String, Integer> CERCADO = Map.of("FTTH", 300, "HFC", 200, "LTE", 150);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00-05:00");

    private final List<ItemFacts> items = new ArrayList<>();
    private final List<CurrentProduct> current = new ArrayList<>();
    private final List<StockAtLocation> stock = new ArrayList<>();
    private Map<String, Integer> coverage = SAN_ISIDRO;
    private String postalCode = "15074";
    private String channel = "WEB";
    private String delivery = "HOME_DELIVERY";
    private String store = "";
    private String accepted = "2026-01";
    private String currentTerms = "2026-01";
    private String segment = "RESIDENTIAL";
    private boolean existing = true;
    private int tenure = 60;
    private Integer score = 780;
    private BigDecimal debt = BigDecimal.ZERO;

    private Orders() {
    }

    public static Orders order() {
        return new Orders();
    }

    public static Orders fibre(String code, int mbps) {
        return order().service(code, "FIBER_INTERNET", mbps, 12);
    }

    public Orders service(String code, String category, int mbps, int contractMonths) {
        items.add(new ItemFacts(items.size() + 1, code, code, "SERVICE", category, 1, 0, BigDecimal.ZERO,
                new BigDecimal("109.00"), mbps, contractMonths, false, 0));
        return this;
    }

    public Orders phone(String code, String price, int installments) {
        return device(code, "SMARTPHONE", price, 1, installments);
    }

    public Orders device(String code, String category, String price, int quantity, int installments) {
        items.add(new ItemFacts(items.size() + 1, code, code, "DEVICE", category, quantity, installments,
                new BigDecimal(price), BigDecimal.ZERO, 0, 0, true, 36));
        stock.add(new StockAtLocation(code, "WH-LIMA-NORTE", "WAREHOUSE", 100, 0));
        return this;
    }

    public Orders stockAt(String code, String location, String kind, int onHand, int reserved) {
        stock.removeIf(s -> s.getProductCode().equals(code) && s.getLocationCode().equals("WH-LIMA-NORTE"));
        stock.add(new StockAtLocation(code, location, kind, onHand, reserved));
        return this;
    }

    public Orders pickupAt(String storeCode) {
        this.delivery = "STORE_PICKUP";
        this.store = storeCode;
        return this;
    }

    public Orders at(String postal, Map<String, Integer> technologies) {
        this.postalCode = postal;
        this.coverage = technologies;
        return this;
    }

    public Orders via(String channelName) {
        this.channel = channelName;
        return this;
    }

    public Orders acceptedTerms(String version) {
        this.accepted = version;
        return this;
    }

    public Orders termsInEffect(String version) {
        this.currentTerms = version;
        return this;
    }

    public Orders customer(String segmentName, Integer creditScore, String overdueDebt, int tenureMonths) {
        this.segment = segmentName;
        this.score = creditScore;
        this.debt = new BigDecimal(overdueDebt);
        this.tenure = tenureMonths;
        return this;
    }

    public Orders newCustomer() {
        this.existing = false;
        this.score = null;
        this.tenure = 0;
        return this;
    }

    public Orders alreadyHas(String code, String category, boolean atThisAddress) {
        current.add(new CurrentProduct(code, category, atThisAddress ? postalCode : "15001", atThisAddress));
        return this;
    }

    public EvaluationFacts facts() {
        BigDecimal devices = items.stream().filter(ItemFacts::isDevice).map(ItemFacts::getLineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal financed = items.stream().map(ItemFacts::getFinancedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal monthly = items.stream().filter(ItemFacts::isService).map(ItemFacts::getMonthlyFee)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderFacts order = new OrderFacts("ORD-TEST", channel, delivery, store, postalCode, accepted, currentTerms,
                "PEN", devices, financed, monthly, items.stream().mapToInt(ItemFacts::getInstallments).max().orElse(0),
                (int) items.stream().filter(ItemFacts::isService).count(),
                items.stream().filter(ItemFacts::isDevice).mapToInt(ItemFacts::getQuantity).sum(), NOW);
        CustomerFacts customer = CustomerFacts.of("DNI", "45871236", segment, existing, tenure, score, debt);
        List<TechnologyAtAddress> technologies = java.util.Arrays.stream(TechnologyAtAddress.TECHNOLOGIES)
                .map(t -> new TechnologyAtAddress(postalCode, t, coverage.containsKey(t), coverage.getOrDefault(t, 0)))
                .toList();
        return new EvaluationFacts(order, customer, List.copyOf(items), List.copyOf(current), technologies,
                List.copyOf(stock));
    }
}
