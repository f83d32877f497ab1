package pe.telco.orders.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts an evaluation saw, as a business user reads them: grouped (order, customer, address and coverage, items,
 * stock, terms) with labels in the console's language; the raw field paths stay for the technical detail.
 */
public record FactSheet(Ordered ordered, List<Group> groups, List<Views.Fact> raw) {

    /** What was ordered and its amounts, one line each. */
    public record Ordered(List<String> items, String amounts) {
    }

    /** A group of facts under a business heading. */
    public record Group(String id, String title, List<Line> lines) {
    }

    /** One fact: its label and its value as a person reads it. */
    public record Line(String label, String value) {
    }

    static FactSheet of(JsonNode facts, ConsoleMessages m) {
        JsonNode order = facts == null ? null : facts.path("order");
        if (order == null || order.isMissingNode() || !order.isObject()) {
            return new FactSheet(new Ordered(List.of(), ""), List.of(), Views.facts(facts));
        }
        String currency = currency(order);
        List<Group> groups = List.of(orderGroup(order, currency, m), customer(facts, currency, m),
                coverage(facts, m), items(facts, currency, m), stock(facts, m), terms(order, m));
        return new FactSheet(ordered(facts, currency, m), groups.stream().filter(g -> !g.lines().isEmpty()).toList(),
                Views.facts(facts));
    }

    private static Ordered ordered(JsonNode facts, String currency, ConsoleMessages m) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : facts.path("items")) {
            items.add(item.path("quantity").asInt() + " × " + item.path("productName").asText()
                    + " (" + item.path("productCode").asText() + ")");
        }
        JsonNode order = facts.path("order");
        return new Ordered(items, m.orderedAmountsLine(money(currency, order.path("devicesTotal")),
                money(currency, order.path("financedTotal")), money(currency, order.path("monthlyTotal"))));
    }

    private static Group orderGroup(JsonNode order, String currency, ConsoleMessages m) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(m.order(), order.path("orderNumber").asText()));
        lines.add(new Line(m.channel(), m.channelName(order.path("channel").asText())));
        String delivery = m.deliveryName(order.path("deliveryMethod").asText());
        if (!order.path("pickupStoreCode").asText("").isEmpty()) {
            delivery += " · " + order.path("pickupStoreCode").asText();
        }
        lines.add(new Line(m.factDelivery(), delivery));
        lines.add(new Line(m.factDevicesTotal(), money(currency, order.path("devicesTotal"))));
        lines.add(new Line(m.factFinancedTotal(), money(currency, order.path("financedTotal"))));
        lines.add(new Line(m.factMonthlyTotal(), money(currency, order.path("monthlyTotal"))));
        lines.add(new Line(m.factMaxInstallments(), order.path("maxInstallments").asText()));
        return new Group("order", m.factsOrder(), lines);
    }

    private static Group customer(JsonNode facts, String currency, ConsoleMessages m) {
        JsonNode c = facts.path("customer");
        List<Line> lines = new ArrayList<>();
        if (c.isObject()) {
            lines.add(new Line(m.customerDocument(), c.path("documentType").asText() + " "
                    + c.path("documentNumber").asText()));
            lines.add(new Line(m.factSegment(), m.segmentName(c.path("segment").asText())));
            lines.add(new Line(m.factCustomerKind(), c.path("existing").asBoolean() ? m.existingCustomer()
                    : m.newCustomer()));
            lines.add(new Line(m.factTenure(), m.months(c.path("tenureMonths").asInt())));
            lines.add(new Line(m.factCreditScore(), c.path("hasCreditScore").asBoolean()
                    ? c.path("creditScore").asText() : m.noCreditHistory()));
            lines.add(new Line(m.factOverdueDebt(), money(currency, c.path("overdueDebt"))));
        }
        for (JsonNode p : facts.path("currentProducts")) {
            lines.add(new Line(m.factCurrentProduct(), p.path("productCode").asText() + " ("
                    + p.path("category").asText() + ") · " + (p.path("atServiceAddress").asBoolean()
                            ? m.atThisAddress() : m.atAnotherAddress(p.path("postalCode").asText()))));
        }
        return new Group("customer", m.factsCustomer(), lines);
    }

    private static Group coverage(JsonNode facts, ConsoleMessages m) {
        List<Line> lines = new ArrayList<>();
        String postal = facts.path("order").path("postalCode").asText("");
        if (!postal.isEmpty()) {
            lines.add(new Line(m.factPostalCode(), postal));
        }
        for (JsonNode t : facts.path("technologies")) {
            lines.add(new Line(t.path("technology").asText(), t.path("offered").asBoolean()
                    ? m.offeredUpTo(t.path("maxDownloadMbps").asInt()) : m.notOffered()));
        }
        return new Group("coverage", m.factsCoverage(), lines);
    }

    private static Group items(JsonNode facts, String currency, ConsoleMessages m) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode i : facts.path("items")) {
            String price = i.path("device").asBoolean() ? money(currency, i.path("unitPrice"))
                    : money(currency, i.path("monthlyFee")) + " " + m.monthly();
            lines.add(new Line(i.path("quantity").asInt() + " × " + i.path("productName").asText(),
                    m.itemDetail(i.path("productCode").asText(), i.path("category").asText(), price,
                            i.path("installments").asInt(), i.path("contractMonths").asInt(),
                            i.path("downloadMbps").asInt())));
        }
        return new Group("items", m.factsItems(), lines);
    }

    private static Group stock(JsonNode facts, ConsoleMessages m) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode s : facts.path("stock")) {
            lines.add(new Line(s.path("productCode").asText() + " · " + s.path("locationCode").asText(),
                    m.stockLevel(s.path("onHand").asInt(), s.path("reserved").asInt())));
        }
        return new Group("stock", m.factsStock(), lines);
    }

    private static Group terms(JsonNode order, ConsoleMessages m) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(m.factTermsAccepted(), text(order.path("acceptedTermsVersion"), m)));
        lines.add(new Line(m.factTermsCurrent(), text(order.path("currentTermsVersion"), m)));
        return new Group("terms", m.factsTerms(), lines);
    }

    private static String text(JsonNode value, ConsoleMessages m) {
        return value.isNull() || value.isMissingNode() || value.asText().isEmpty() ? m.noneShort() : value.asText();
    }

    private static String currency(JsonNode order) {
        String code = order.path("currency").asText("PEN");
        return code.equals("PEN") ? "S/" : code;
    }

    private static String money(String currency, JsonNode amount) {
        if (amount == null || amount.isMissingNode() || amount.isNull()) {
            return "";
        }
        return currency + " " + new BigDecimal(amount.asText("0")).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
