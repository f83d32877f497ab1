package pe.telco.orders.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;
import pe.telco.orders.ruleset.whatif.Scenario;

/**
 * The what-if form: a scenario as the fields a person edits (each named as its JSON path, so the service's field
 * errors land beside it), and back from what the browser sent. Text that does not read as a number is reported
 * beside its field in the person's language; nothing is guessed.
 */
final class WhatIfForm {

    private static final List<String> DOCUMENT_TYPES = List.of("DNI", "CE", "RUC", "PASSPORT");
    private static final List<String> SEGMENTS = List.of("RESIDENTIAL", "BUSINESS");
    private static final List<String> CHANNELS = List.of("STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP");
    private static final List<String> DELIVERY = List.of("", "HOME_DELIVERY", "STORE_PICKUP");
    private static final List<String> KINDS = List.of("WAREHOUSE", "STORE");
    private static final int BLANK_ROWS = 1;

    /** One input: its name (the JSON path), its id, label, value, the error beside it, kind and options. */
    public record Field(String name, String label, String value, String error, String kind, List<String> options) {

        public String id() {
            return name.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
        }

        public boolean checked() {
            return "true".equals(value);
        }
    }

    /** A group of fields (customer, order) or a table of rows (items, coverage, stock, owned products). */
    public record Section(String id, String title, List<String> headers, List<List<Field>> rows) {
    }

    private WhatIfForm() {
    }

    /** The sections for a scenario, with the errors found (by field). */
    static List<Section> sections(Scenario s, Map<String, String> errors, WhatIfMessages m) {
        Scenario.Customer c = s.customer() == null ? new Scenario.Customer(null, null, null, null, null, null, null)
                : s.customer();
        Scenario.Order o = s.order() == null ? new Scenario.Order(null, null, null, null, null, null, null, null)
                : s.order();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("customer", m.customer(), List.of(), List.of(List.of(
                select("facts.customer.documentType", m.documentType(), c.documentType(), DOCUMENT_TYPES, errors),
                text("facts.customer.documentNumber", m.documentNumber(), c.documentNumber(), errors),
                select("facts.customer.segment", m.segment(), c.segment(), SEGMENTS, errors),
                check("facts.customer.existing", m.existing(), c.existing(), errors),
                number("facts.customer.tenureMonths", m.tenureMonths(), c.tenureMonths(), errors),
                number("facts.customer.creditScore", m.creditScore(), c.creditScore(), errors),
                number("facts.customer.overdueDebt", m.overdueDebt(), c.overdueDebt(), errors)))));
        sections.add(new Section("order", m.order(), List.of(), List.of(List.of(
                select("facts.order.channel", m.channel(), o.channel(), CHANNELS, errors),
                select("facts.order.deliveryMethod", m.deliveryMethod(), o.deliveryMethod(), DELIVERY, errors),
                text("facts.order.pickupStoreCode", m.pickupStoreCode(), o.pickupStoreCode(), errors),
                text("facts.order.postalCode", m.postalCode(), o.postalCode(), errors),
                text("facts.order.acceptedTermsVersion", m.acceptedTermsVersion(), o.acceptedTermsVersion(), errors),
                text("facts.order.currentTermsVersion", m.currentTermsVersion(), o.currentTermsVersion(), errors),
                hidden("facts.order.currency", o.currency()),
                hidden("facts.order.evaluatedAt", o.evaluatedAt() == null ? null : o.evaluatedAt().toString())))));
        sections.add(table("items", m.items(), List.of(m.productCode(), m.quantity(), m.installments(),
                m.unitPrice(), m.monthlyFee()), s.items(), (i, n) -> List.of(
                text("facts.items[" + n + "].productCode", "", i == null ? null : i.productCode(), errors),
                number("facts.items[" + n + "].quantity", "", i == null ? null : i.quantity(), errors),
                number("facts.items[" + n + "].installments", "", i == null ? null : i.installments(), errors),
                number("facts.items[" + n + "].unitPrice", "", i == null ? null : i.unitPrice(), errors),
                number("facts.items[" + n + "].monthlyFee", "", i == null ? null : i.monthlyFee(), errors))));
        List<List<Field>> coverage = new ArrayList<>();
        List<Scenario.Coverage> offered = s.coverage() == null ? List.of() : s.coverage();
        for (int n = 0; n < TechnologyAtAddress.TECHNOLOGIES.length; n++) {
            String technology = TechnologyAtAddress.TECHNOLOGIES[n];
            Scenario.Coverage at = offered.stream().filter(x -> x != null && technology.equals(x.technology()))
                    .findFirst().orElse(null);
            coverage.add(List.of(new Field("coverage." + technology + ".offered", technology,
                    String.valueOf(at != null), null, "checkbox", List.of()),
                    number("coverage." + technology + ".maxDownloadMbps", "", at == null ? null
                            : at.maxDownloadMbps(), errors, coverageError(offered, technology, errors))));
        }
        sections.add(new Section("coverage", m.coverage(), List.of(m.technology(), m.maxDownloadMbps()), coverage));
        sections.add(table("stock", m.stock(), List.of(m.productCode(), m.locationCode(), m.locationKind(),
                m.onHand(), m.reserved()), s.stock(), (x, n) -> List.of(
                text("facts.stock[" + n + "].productCode", "", x == null ? null : x.productCode(), errors),
                text("facts.stock[" + n + "].locationCode", "", x == null ? null : x.locationCode(), errors),
                select("facts.stock[" + n + "].locationKind", "", x == null ? null : x.locationKind(), KINDS, errors),
                number("facts.stock[" + n + "].onHand", "", x == null ? null : x.onHand(), errors),
                number("facts.stock[" + n + "].reserved", "", x == null ? null : x.reserved(), errors))));
        sections.add(table("owned", m.owned(), List.of(m.productCode(), m.category(), m.postalCode(),
                m.atServiceAddress()), s.currentProducts(), (x, n) -> List.of(
                text("facts.currentProducts[" + n + "].productCode", "", x == null ? null : x.productCode(), errors),
                text("facts.currentProducts[" + n + "].category", "", x == null ? null : x.category(), errors),
                text("facts.currentProducts[" + n + "].postalCode", "", x == null ? null : x.postalCode(), errors),
                check("facts.currentProducts[" + n + "].atServiceAddress", "", x == null ? null
                        : x.atServiceAddress(), errors))));
        return sections;
    }

    /** A scenario read from the form, and the fields whose text is not a number (left empty in the scenario). */
    record Read(Scenario scenario, List<FieldError> errors) {
    }

    /** The scenario the form describes; text that is not a number is an error named by its field. */
    static Read read(Map<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> v = name -> {
            String value = form.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        };
        Scenario.Customer customer = new Scenario.Customer(v.apply("facts.customer.documentType"),
                v.apply("facts.customer.documentNumber"), v.apply("facts.customer.segment"),
                form.containsKey("facts.customer.existing"), whole("facts.customer.tenureMonths", v, errors),
                whole("facts.customer.creditScore", v, errors), amount("facts.customer.overdueDebt", v, errors));
        String evaluatedAt = v.apply("facts.order.evaluatedAt");
        java.time.OffsetDateTime when = null;
        try {
            when = evaluatedAt == null ? null : java.time.OffsetDateTime.parse(evaluatedAt);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError("facts.order.evaluatedAt", "is not a time", "no es una fecha y hora"));
        }
        Scenario.Order order = new Scenario.Order(v.apply("facts.order.channel"),
                v.apply("facts.order.deliveryMethod"), v.apply("facts.order.pickupStoreCode"),
                v.apply("facts.order.postalCode"), v.apply("facts.order.acceptedTermsVersion"),
                v.apply("facts.order.currentTermsVersion"), v.apply("facts.order.currency"),
                when);
        List<Scenario.Item> items = new ArrayList<>();
        for (int n = 0; form.containsKey("facts.items[" + n + "].productCode"); n++) {
            String at = "facts.items[" + n + "].";
            if (v.apply(at + "productCode") != null) {
                items.add(new Scenario.Item(v.apply(at + "productCode"), whole(at + "quantity", v, errors),
                        whole(at + "installments", v, errors), amount(at + "unitPrice", v, errors),
                        amount(at + "monthlyFee", v, errors)));
            }
        }
        List<Scenario.Coverage> coverage = new ArrayList<>();
        for (String technology : Arrays.asList(TechnologyAtAddress.TECHNOLOGIES)) {
            if (form.containsKey("coverage." + technology + ".offered")) {
                coverage.add(new Scenario.Coverage(technology,
                        whole("coverage." + technology + ".maxDownloadMbps", v, errors)));
            }
        }
        List<Scenario.Stock> stock = new ArrayList<>();
        for (int n = 0; form.containsKey("facts.stock[" + n + "].productCode"); n++) {
            String at = "facts.stock[" + n + "].";
            if (v.apply(at + "productCode") != null || v.apply(at + "locationCode") != null) {
                stock.add(new Scenario.Stock(v.apply(at + "productCode"), v.apply(at + "locationCode"),
                        v.apply(at + "locationKind"), whole(at + "onHand", v, errors),
                        whole(at + "reserved", v, errors)));
            }
        }
        List<Scenario.Owned> owned = new ArrayList<>();
        for (int n = 0; form.containsKey("facts.currentProducts[" + n + "].productCode"); n++) {
            String at = "facts.currentProducts[" + n + "].";
            if (v.apply(at + "productCode") != null) {
                owned.add(new Scenario.Owned(v.apply(at + "productCode"), v.apply(at + "category"),
                        v.apply(at + "postalCode"), form.containsKey(at + "atServiceAddress")));
            }
        }
        return new Read(new Scenario(customer, order, items, coverage, stock, owned), errors);
    }

    /** Service errors name the coverage list by index; the form shows them beside the technology. */
    private static String coverageError(List<Scenario.Coverage> offered, String technology,
            Map<String, String> errors) {
        for (int n = 0; n < offered.size(); n++) {
            if (offered.get(n) != null && technology.equals(offered.get(n).technology())) {
                return errors.get("facts.coverage[" + n + "].maxDownloadMbps");
            }
        }
        return null;
    }

    private static Integer whole(String name, Function<String, String> v, List<FieldError> errors) {
        String text = v.apply(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "«" + text + "» is not a whole number",
                    "«" + text + "» no es un número entero"));
            return null;
        }
    }

    private static BigDecimal amount(String name, Function<String, String> v, List<FieldError> errors) {
        String text = v.apply(name);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            errors.add(new FieldError(name, "«" + text + "» is not an amount like 1500.50",
                    "«" + text + "» no es un importe como 1500.50"));
            return null;
        }
        return new BigDecimal(text);
    }

    private interface RowOf<T> {
        List<Field> fields(T value, int index);
    }

    private static <T> Section table(String id, String title, List<String> headers, List<T> values,
            RowOf<T> row) {
        List<List<Field>> rows = new ArrayList<>();
        List<T> all = values == null ? List.of() : values;
        for (int n = 0; n < all.size() + BLANK_ROWS; n++) {
            rows.add(row.fields(n < all.size() ? all.get(n) : null, n));
        }
        return new Section(id, title, headers, rows);
    }

    private static Field text(String name, String label, String value, Map<String, String> errors) {
        return new Field(name, label, value == null ? "" : value, errors.get(name), "text", List.of());
    }

    private static Field number(String name, String label, Object value, Map<String, String> errors) {
        return number(name, label, value, errors, null);
    }

    private static Field number(String name, String label, Object value, Map<String, String> errors,
            String otherError) {
        String shown = value instanceof BigDecimal d ? d.toPlainString() : value == null ? "" : value.toString();
        String error = errors.get(name) != null ? errors.get(name) : otherError;
        return new Field(name, label, shown, error, "number", List.of());
    }

    private static Field select(String name, String label, String value, List<String> options,
            Map<String, String> errors) {
        return new Field(name, label, value == null ? "" : value, errors.get(name), "select", options);
    }

    private static Field check(String name, String label, Boolean value, Map<String, String> errors) {
        return new Field(name, label, String.valueOf(Boolean.TRUE.equals(value)), errors.get(name), "checkbox",
                List.of());
    }

    private static Field hidden(String name, String value) {
        return new Field(name, "", value == null ? "" : value, null, "hidden", List.of());
    }
}
