package pe.telco.orders.benchmark;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order bodies on the demo data, each with a unique externalId (and a new customer where the scenario needs one):
 * a mix released, held, and rejected on each check, and two bodies for the audit-scaling run.
 */
final class OrderBodies {

    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private final AtomicLong sequence = new AtomicLong();

    /** The order kinds of the realistic mix, by what the demo data makes of them. */
    enum Kind {
        RELEASED_FIBRE_AND_TV, RELEASED_PHONE_PAID_IN_FULL, HELD_BORDERLINE_CREDIT, HELD_NO_CREDIT_HISTORY,
        REJECTED_COVERAGE, REJECTED_SPEED, REJECTED_STOCK, REJECTED_CREDIT, REJECTED_TERMS, REJECTED_COMPATIBILITY
    }

    static final List<Kind> MIX = List.of(Kind.values());

    String next(Kind kind) {
        long n = sequence.incrementAndGet();
        String id = "BENCH-" + run + "-" + n;
        String newCustomer = customer("DNI", String.format("6%07d", n % 10_000_000), "Cliente Benchmark " + n);
        return switch (kind) {
            case RELEASED_FIBRE_AND_TV -> order(id, "WEB", newCustomer, address("Av. Larco 345", "15046"),
                    items(item("FIBER-300", 0), item("TV-HD", 0)), "2026-01", null, "AUTOMATIC_DEBIT");
            case RELEASED_PHONE_PAID_IN_FULL -> order(id, "STORE", newCustomer, null, items(item("PHONE-A15-128", 0)),
                    "2026-01", "{\"method\":\"STORE_PICKUP\",\"storeCode\":\"ST-MEGAPLAZA\"}", "IN_STORE");
            case HELD_BORDERLINE_CREDIT -> order(id, "APP", customer("DNI", "40123457", "Carlos Mendoza"), null,
                    items(item("PHONE-A15-128", 12)), "2026-01",
                    "{\"method\":\"STORE_PICKUP\",\"storeCode\":\"ST-JOCKEY\"}", "ONLINE");
            case HELD_NO_CREDIT_HISTORY -> order(id, "WEB", newCustomer, address("Av. Larco 345", "15046"),
                    items(item("PHONE-A15-128", 12)), "2026-01", "{\"method\":\"HOME_DELIVERY\"}", "ONLINE");
            case REJECTED_COVERAGE -> order(id, "CALL_CENTER", newCustomer,
                    address("Av. Separadora Industrial 2100", "15311"), items(item("FIBER-600", 0)), "2026-01", null,
                    "IN_STORE");
            case REJECTED_SPEED -> order(id, "WEB", newCustomer, address("Jr. de la Unión 500", "15001"),
                    items(item("FIBER-1000", 0)), "2026-01", null, "AUTOMATIC_DEBIT");
            case REJECTED_STOCK -> order(id, "APP", newCustomer, address("Av. Larco 345", "15046"),
                    items(item("PHONE-IP15-128", 0)), "2026-01", "{\"method\":\"HOME_DELIVERY\"}", "ONLINE");
            case REJECTED_CREDIT -> order(id, "STORE", customer("DNI", "72345618", "Jorge Quispe"), null,
                    items(item("PHONE-A15-128", 12)), "2026-01",
                    "{\"method\":\"STORE_PICKUP\",\"storeCode\":\"ST-JOCKEY\"}", "IN_STORE");
            case REJECTED_TERMS -> order(id, "WEB", newCustomer, address("Av. Larco 345", "15046"),
                    items(item("FIBER-300", 0)), "2025-07", null, "AUTOMATIC_DEBIT");
            case REJECTED_COMPATIBILITY -> order(id, "CALL_CENTER", customer("DNI", "45871236", "Ana Torres"),
                    address("Av. Arequipa 1234", "15074"), items(item("FIBER-600", 0)), "2026-01", null,
                    "AUTOMATIC_DEBIT");
        };
    }

    /** The next order of the mix, round-robin. */
    String nextOfMix() {
        return next(MIX.get((int) (sequence.get() % MIX.size())));
    }

    /** The order that fires the fewest rules: one phone paid in full for a new customer (about 7 firings). */
    String fewFirings() {
        long n = sequence.incrementAndGet();
        return order("BENCH-" + run + "-" + n, "WEB", customer("DNI", String.format("6%07d", n % 10_000_000),
                "Cliente Benchmark " + n), address("Av. Larco 345", "15046"), items(item("PHONE-PREPAGO-32", 0)),
                "2026-01", "{\"method\":\"HOME_DELIVERY\"}", "ONLINE");
    }

    /** A household order: fibre, TV and a router, about 20 firings. */
    String manyFirings() {
        long n = sequence.incrementAndGet();
        return order("BENCH-" + run + "-" + n, "WEB", customer("DNI", String.format("6%07d", n % 10_000_000),
                "Cliente Benchmark " + n), address("Av. Larco 345", "15046"),
                items(item("FIBER-600", 0), item("TV-HD", 0), item("ROUTER-WIFI6", 0)),
                "2026-01", "{\"method\":\"HOME_DELIVERY\"}", "AUTOMATIC_DEBIT");
    }

    /**
     * The household order of {@link #tmfHousehold()} in the back office's form, for create + evaluate: the same
     * channel, products, address, terms and payment, a new customer, so both paths store and decide the same work.
     */
    String household() {
        long n = sequence.incrementAndGet();
        return order("BENCH-" + run + "-" + n, "WEB", customer("DNI", String.format("6%07d", n % 10_000_000),
                "Cliente Benchmark " + n), address("Av. Larco 345", "15046"),
                items(item("FIBER-600", 0), item("TV-HD", 0)), "2026-01", null, "AUTOMATIC_DEBIT");
    }

    /** The household order (fibre and TV, released) as a TMF622 ProductOrder from the WEB channel. */
    String tmfHousehold() {
        long n = sequence.incrementAndGet();
        String place = "{\"@type\":\"Product\",\"place\":[{\"@type\":\"RelatedPlaceRefOrValue\","
                + "\"role\":\"installationAddress\",\"place\":{\"@type\":\"GeographicAddress\","
                + "\"streetName\":\"Av. Larco 345\",\"city\":\"Lima\",\"postcode\":\"15046\"}}]}";
        return "{\"@type\":\"ProductOrder\",\"externalId\":[{\"@type\":\"ExternalIdentifier\",\"id\":\"BENCH-"
                + run + "-" + n + "\"}],\"channel\":[{\"@type\":\"RelatedChannel\",\"channel\":{\"@type\":"
                + "\"ChannelRef\",\"id\":\"WEB\"}}],\"relatedParty\":[{\"@type\":\"RelatedPartyRefOrPartyRoleRef\","
                + "\"role\":\"customer\",\"partyOrPartyRole\":{\"@type\":\"PartyRef\",\"id\":\"DNI:"
                + String.format("6%07d", n % 10_000_000) + "\",\"name\":\"Cliente Benchmark " + n + "\"}}],"
                + "\"agreement\":[{\"@type\":\"AgreementRef\",\"id\":\"2026-01\"}],\"payment\":[{\"@type\":"
                + "\"PaymentRef\",\"id\":\"p-" + n + "\",\"name\":\"AUTOMATIC_DEBIT\"}],\"productOrderItem\":["
                + "{\"@type\":\"ProductOrderItem\",\"id\":\"1\",\"action\":\"add\",\"quantity\":1,"
                + "\"productOffering\":{\"@type\":\"ProductOfferingRef\",\"id\":\"FIBER-600\"},\"product\":" + place
                + "},{\"@type\":\"ProductOrderItem\",\"id\":\"2\",\"action\":\"add\",\"quantity\":1,"
                + "\"productOffering\":{\"@type\":\"ProductOfferingRef\",\"id\":\"TV-HD\"},\"product\":" + place
                + "}]}";
    }

    private static String order(String externalId, String channel, String customer, String serviceAddress,
            String items, String terms, String delivery, String payment) {
        return "{\"externalId\":\"" + externalId + "\",\"channel\":\"" + channel + "\",\"customer\":" + customer
                + (serviceAddress == null ? "" : ",\"serviceAddress\":" + serviceAddress) + ",\"items\":" + items
                + ",\"acceptedTermsVersion\":\"" + terms + "\""
                + (delivery == null ? "" : ",\"delivery\":" + delivery) + ",\"paymentMethod\":\"" + payment + "\"}";
    }

    private static String customer(String type, String number, String name) {
        return "{\"documentType\":\"" + type + "\",\"documentNumber\":\"" + number + "\",\"name\":\"" + name
                + "\",\"email\":\"cliente" + number + "@example.com\",\"phone\":\"+51 987 654 321\","
                + "\"segment\":\"RESIDENTIAL\"}";
    }

    private static String address(String street, String postalCode) {
        return "{\"street\":\"" + street + "\",\"city\":\"Lima\",\"postalCode\":\"" + postalCode + "\"}";
    }

    private static String items(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    private static String item(String code, int installments) {
        return "{\"productCode\":\"" + code + "\",\"quantity\":1"
                + (installments > 0 ? ",\"installments\":" + installments : "") + "}";
    }
}
