package pe.telco.orders.engine.tables;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pe.telco.orders.evaluation.facts.ApprovalQuestion;
import pe.telco.orders.evaluation.facts.CompatibilityQuestion;
import pe.telco.orders.evaluation.facts.ContractQuestion;
import pe.telco.orders.evaluation.facts.CoverageQuestion;
import pe.telco.orders.evaluation.facts.CreditQuestion;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;
import pe.telco.orders.evaluation.facts.TermsQuestion;

/**
 * Builds the question a table answers straight from an example's input values (no database): every input has a
 * documented default, so an example names only what matters to it.
 */
final class ExampleFacts {

    /** Inputs an example may give, with the value used when its column is absent or blank. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("segment", "RESIDENTIAL"), Map.entry("channel", "WEB"), Map.entry("newCustomer", "false"),
            Map.entry("hasCreditScore", "true"), Map.entry("creditScore", "700"), Map.entry("overdueDebt", "0"),
            Map.entry("tenureMonths", "24"), Map.entry("financedTotal", "1000"), Map.entry("maxInstallments", "12"),
            Map.entry("orderTotal", "1000"), Map.entry("deviceCount", "1"), Map.entry("category", "FIBER_INTERNET"),
            Map.entry("requestedMbps", "300"), Map.entry("postalCode", "15074"), Map.entry("contractMonths", "12"),
            Map.entry("termsStatus", "CURRENT"), Map.entry("FTTH", "0"), Map.entry("HFC", "0"), Map.entry("DSL", "0"),
            Map.entry("LTE", "0"), Map.entry("NR5G", "0"), Map.entry("currentCategory", ""),
            Map.entry("atServiceAddress", "true"));

    static final Set<String> QUESTIONS = Set.of("CreditQuestion", "CoverageQuestion", "ApprovalQuestion",
            "TermsQuestion", "ContractQuestion", "CompatibilityQuestion");

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-15T10:00:00-05:00");

    private ExampleFacts() {
    }

    /** The facts to insert for one example: the question, plus what its table also matches on. */
    static List<Object> build(String question, Map<String, String> given) {
        Map<String, String> in = new HashMap<>(DEFAULTS);
        given.forEach((k, v) -> {
            if (!v.isBlank()) {
                in.put(k, v.trim());
            }
        });
        boolean hasScore = Boolean.parseBoolean(in.get("hasCreditScore"));
        CustomerFacts customer = new CustomerFacts("DNI", "00000000", in.get("segment"),
                !Boolean.parseBoolean(in.get("newCustomer")), integer(in, "tenureMonths"), hasScore,
                integer(in, "creditScore"), decimal(in, "overdueDebt"));
        String[] terms = switch (in.get("termsStatus")) {
            case "OUTDATED" -> new String[] {"2025-07", "2026-01"};
            case "NOT_ACCEPTED" -> new String[] {"", "2026-01"};
            case "NONE_PUBLISHED" -> new String[] {"2026-01", ""};
            default -> new String[] {"2026-01", "2026-01"};
        };
        OrderFacts order = new OrderFacts("EJEMPLO", in.get("channel"), "HOME_DELIVERY", null, in.get("postalCode"),
                terms[0], terms[1], "PEN", decimal(in, "orderTotal"), decimal(in, "financedTotal"), BigDecimal.ZERO,
                integer(in, "maxInstallments"), 1, integer(in, "deviceCount"), AT);
        ItemFacts item = new ItemFacts(1, "EJEMPLO", "Servicio de ejemplo", "SERVICE", in.get("category"), 1, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, integer(in, "requestedMbps"), integer(in, "contractMonths"), false,
                0);
        List<Object> facts = new ArrayList<>();
        List<TechnologyAtAddress> technologies = new ArrayList<>();
        for (String technology : TechnologyAtAddress.TECHNOLOGIES) {
            int mbps = integer(in, technology);
            technologies.add(new TechnologyAtAddress(in.get("postalCode"), technology, mbps > 0, mbps));
        }
        switch (question) {
            case "CreditQuestion" -> facts.add(new CreditQuestion(order, customer));
            case "ApprovalQuestion" -> facts.add(new ApprovalQuestion(order, customer));
            case "TermsQuestion" -> facts.add(new TermsQuestion(order));
            case "ContractQuestion" -> facts.add(new ContractQuestion(item, customer));
            case "CoverageQuestion" -> {
                facts.add(new CoverageQuestion(item, order, technologies));
                facts.addAll(technologies);
            }
            case "CompatibilityQuestion" -> {
                facts.add(new CompatibilityQuestion(item, order));
                if (!in.get("currentCategory").isEmpty()) {
                    facts.add(new CurrentProduct("ACTUAL", in.get("currentCategory"), in.get("postalCode"),
                            Boolean.parseBoolean(in.get("atServiceAddress"))));
                }
            }
            default -> throw new IllegalArgumentException("Examples cannot be written for " + question);
        }
        return facts;
    }

    /** An example's input that is not the number its name needs, said in English and in Spanish. */
    static final class UnreadableInput extends IllegalArgumentException {

        private final String spanish;

        UnreadableInput(String name, String value, boolean whole) {
            super(name + " must be " + (whole ? "a whole number" : "a number") + ", not '" + value + "'");
            this.spanish = name + " debe ser " + (whole ? "un número entero" : "un número") + ", no «" + value + "»";
        }

        String spanish() {
            return spanish;
        }
    }

    private static int integer(Map<String, String> in, String name) {
        try {
            return new BigDecimal(in.get(name)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UnreadableInput(name, in.get(name), true);
        }
    }

    private static BigDecimal decimal(Map<String, String> in, String name) {
        try {
            return new BigDecimal(in.get(name));
        } catch (NumberFormatException e) {
            throw new UnreadableInput(name, in.get(name), false);
        }
    }
}
