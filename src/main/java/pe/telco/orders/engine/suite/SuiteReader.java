package pe.telco.orders.engine.suite;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import pe.telco.orders.engine.EvaluationFacts;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.engine.RuleProblem;
import pe.telco.orders.engine.tables.DecisionTableReader;
import pe.telco.orders.engine.tables.ValueType;
import pe.telco.orders.engine.tables.WorkbookArchive;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.StockAtLocation;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;

/**
 * Reads a regression suite ({@code *.suite.xlsx}) as typed data: sheet {@code Casos} (one whole order per row: channel,
 * delivery, customer, coverage at the address, terms, expected decision and reasons), sheet {@code Productos} (the
 * items of each case, with the stock at their source) and sheet {@code Catalogo} (the products the cases use, with
 * their prices and terms, so a suite never depends on the catalogue of the database it runs next to). Every cell is
 * read by its column's type before any fact is built; nothing in a cell is ever run.
 */
public final class SuiteReader {

    /** Cases in one suite beyond which it is refused. */
    public static final int MAX_CASES = 1_000;

    static final String[] CHANNELS = {"STORE", "VIRTUAL_STORE", "CALL_CENTER", "WEB", "APP"};
    static final String[] DECISIONS = {"RELEASED", "HELD", "REJECTED"};
    private static final Map<String, String> CATEGORIES = Map.of("SMARTPHONE", "DEVICE", "ROUTER", "DEVICE",
            "FIBER_INTERNET", "SERVICE", "HFC_INTERNET", "SERVICE", "FIXED_LINE", "SERVICE", "MOBILE_POSTPAID",
            "SERVICE", "MOBILE_PREPAID", "SERVICE", "TV", "SERVICE");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,29}");
    private static final Pattern PRODUCT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{4,20}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern TERMS = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");

    private static final Set<String> CASE_KEYS = new LinkedHashSet<>(List.of("case", "description", "channel",
            "delivery", "pickupStore", "documentType", "documentNumber", "segment", "newCustomer", "tenureMonths",
            "creditScore", "overdueDebt", "currentAtAddress", "currentElsewhere", "postalCode", "FTTH", "HFC", "DSL",
            "LTE", "NR5G", "acceptedTerms", "termsInEffect", "decision", "reasons"));
    private static final Set<String> ITEM_KEYS = new LinkedHashSet<>(List.of("case", "product", "quantity",
            "instalments", "stock"));
    private static final Set<String> PRODUCT_KEYS = new LinkedHashSet<>(List.of("product", "name", "kind",
            "category", "price", "monthlyFee", "mbps", "contractMonths", "financeable", "maxInstalments"));

    private record Product(String code, String name, String kind, String category, BigDecimal price,
            BigDecimal monthlyFee, int mbps, int contractMonths, boolean financeable, int maxInstalments) {
    }

    private record Item(String product, int quantity, int instalments, int stock) {
    }

    private final DecisionTableReader.Limits limits;

    public SuiteReader(DecisionTableReader.Limits limits) {
        this.limits = limits;
    }

    /** The cases of {@code file}, evaluated as at {@code at}; what cannot be read goes to {@code problems}. */
    public List<SuiteCase> read(RuleFile file, OffsetDateTime at, List<RuleProblem> problems) {
        if (file.content().length == 0) {
            problems.add(RuleProblem.inFile(file.name(), "The file is empty", "El archivo está vacío"));
            return List.of();
        }
        if (!WorkbookArchive.check(file, limits, problems)) {
            return List.of();
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            int before = problems.size();
            SuiteSheet catalogue = SuiteSheet.read(workbook, file.name(), "Catalogo", "product", PRODUCT_KEYS,
                    Set.of("product", "kind", "category"), MAX_CASES, problems);
            SuiteSheet items = SuiteSheet.read(workbook, file.name(), "Productos", "case", ITEM_KEYS,
                    Set.of("case", "product"), MAX_CASES * 10, problems);
            SuiteSheet cases = SuiteSheet.read(workbook, file.name(), "Casos", "case", CASE_KEYS,
                    Set.of("case", "decision"), MAX_CASES, problems);
            if (catalogue == null || items == null || cases == null) {
                return List.of();
            }
            Map<String, Product> products = products(catalogue, problems);
            Map<String, List<Item>> itemsByCase = items(items, products, problems);
            List<SuiteCase> read = cases(cases, products, itemsByCase, at, problems);
            return problems.size() == before ? read : List.of();
        } catch (Exception e) {
            problems.add(RuleProblem.inFile(file.name(), "The file could not be read as an Excel workbook (.xlsx);"
                    + " open it in Excel and save it again as an Excel workbook (.xlsx)", "El archivo no se pudo leer"
                    + " como libro de Excel (.xlsx); ábrelo en Excel y guárdalo de nuevo como libro de Excel (.xlsx)"));
            return List.of();
        }
    }

    private static Map<String, Product> products(SuiteSheet sheet, List<RuleProblem> problems) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (SuiteSheet.Line line : sheet.lines) {
            Cells cells = new Cells(sheet, line, "Product " + line.get("product"), "Producto " + line.get("product"),
                    problems);
            String code = cells.matching("product", PRODUCT, "a product code in capitals, digits and dashes, e.g."
                    + " PHONE-A15-128", "un código de producto en mayúsculas, dígitos y guiones, p. ej. PHONE-A15-128",
                    null);
            String kind = cells.code("kind", null, "DEVICE", "SERVICE");
            String category = cells.code("category", null, CATEGORIES.keySet().stream().sorted().toArray(String[]::new));
            if (kind != null && category != null && !CATEGORIES.get(category).equals(kind)) {
                problems.add(sheet.at(line, "kind", "Product " + code, "Producto " + code, "a " + category + " is a "
                        + CATEGORIES.get(category), "un " + category + " es " + CATEGORIES.get(category)));
            }
            Product product = new Product(code, cells.text("name", code), kind, category,
                    cells.amount("price", "0"), cells.amount("monthlyFee", "0"), cells.whole("mbps", 0),
                    cells.whole("contractMonths", 0), cells.yesNo("financeable", false),
                    cells.whole("maxInstalments", 0));
            if (code != null && products.putIfAbsent(code, product) != null) {
                problems.add(sheet.at(line, "product", "Product " + code, "Producto " + code, "listed twice",
                        "aparece dos veces"));
            }
        }
        return products;
    }

    private static Map<String, List<Item>> items(SuiteSheet sheet, Map<String, Product> products,
            List<RuleProblem> problems) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        for (SuiteSheet.Line line : sheet.lines) {
            Cells cells = new Cells(sheet, line, "Case " + line.get("case"), "Caso " + line.get("case"), problems);
            String caseId = cells.matching("case", ID, "a case id of letters, digits and dashes, e.g. CASO-01",
                    "un id de caso con letras, dígitos y guiones, p. ej. CASO-01", null);
            String product = cells.known("product", products.keySet());
            int quantity = cells.whole("quantity", 1);
            if (quantity < 1) {
                cells.refuse("quantity", "at least 1", "al menos 1");
            }
            Item item = new Item(product, quantity, cells.whole("instalments", 0), cells.whole("stock", 10));
            if (caseId != null) {
                items.computeIfAbsent(caseId, c -> new ArrayList<>()).add(item);
            }
        }
        return items;
    }

    private static List<SuiteCase> cases(SuiteSheet sheet, Map<String, Product> products,
            Map<String, List<Item>> itemsByCase, OffsetDateTime at, List<RuleProblem> problems) {
        List<SuiteCase> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (SuiteSheet.Line line : sheet.lines) {
            Cells cells = new Cells(sheet, line, "Case " + line.get("case"), "Caso " + line.get("case"), problems);
            String id = cells.matching("case", ID, "a case id of letters, digits and dashes, e.g. CASO-01",
                    "un id de caso con letras, dígitos y guiones, p. ej. CASO-01", null);
            if (id != null && !ids.add(id)) {
                cells.refuse("case", "this case id is already used above", "este id de caso ya se usa más arriba");
            }
            List<Item> items = itemsByCase.getOrDefault(line.get("case"), List.of());
            if (id != null && items.isEmpty()) {
                cells.refuse("case", "the case has no products in sheet Productos", "el caso no tiene productos en la"
                        + " hoja Productos");
            }
            int before = problems.size();
            EvaluationFacts facts = facts(id, cells, items, products, at);
            String decision = cells.code("decision", null, DECISIONS);
            String reasons = cells.codes("reasons");
            if (problems.size() == before && id != null && !items.isEmpty()) {
                cases.add(new SuiteCase(sheet.file, sheet.location(line), id, line.get("description"), facts,
                        decision, reasons.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(
                                Arrays.stream(reasons.split(",")).map(String::trim).toList()))));
            }
        }
        itemsByCase.keySet().stream().filter(c -> !ids.contains(c)).findFirst().ifPresent(c -> problems.add(
                RuleProblem.inFile(sheet.file, "Sheet Productos names case " + c + ", which is not in sheet Casos",
                        "La hoja Productos nombra el caso " + c + ", que no está en la hoja Casos")));
        return cases;
    }

    /** The facts as the service gathers them for a stored order, from the case's own values. */
    private static EvaluationFacts facts(String id, Cells cells, List<Item> items, Map<String, Product> products,
            OffsetDateTime at) {
        String channel = cells.code("channel", "WEB", CHANNELS);
        String delivery = cells.code("delivery", "HOME_DELIVERY", "HOME_DELIVERY", "STORE_PICKUP");
        String store = cells.matching("pickupStore", PRODUCT, "a store code, e.g. ST-JOCKEY",
                "un código de tienda, p. ej. ST-JOCKEY", "");
        if ("STORE_PICKUP".equals(delivery) && store.isEmpty()) {
            cells.refuse("pickupStore", "a store pickup needs the store", "un recojo en tienda necesita la tienda");
        }
        boolean newCustomer = cells.yesNo("newCustomer", false);
        String score = cells.line.get("creditScore");
        CustomerFacts customer = CustomerFacts.of(cells.code("documentType", "DNI", "DNI", "CE", "RUC", "PASSPORT"),
                cells.matching("documentNumber", DOCUMENT, "a document number of digits or capitals",
                        "un número de documento de dígitos o mayúsculas", "00000000"),
                cells.code("segment", "RESIDENTIAL", "RESIDENTIAL", "BUSINESS"), !newCustomer,
                cells.whole("tenureMonths", newCustomer ? 0 : 24), score.isEmpty() ? null : cells.whole("creditScore", 0),
                cells.amount("overdueDebt", "0"));
        String postalCode = cells.matching("postalCode", POSTAL, "a postal code of 5 digits, e.g. 15074",
                "un código postal de 5 dígitos, p. ej. 15074", "15074");
        List<CurrentProduct> current = new ArrayList<>();
        for (String code : cells.knownList("currentAtAddress", products.keySet())) {
            current.add(new CurrentProduct(code, products.get(code).category(), postalCode, true));
        }
        for (String code : cells.knownList("currentElsewhere", products.keySet())) {
            current.add(new CurrentProduct(code, products.get(code).category(), "00000", false));
        }
        List<TechnologyAtAddress> technologies = new ArrayList<>();
        for (String technology : TechnologyAtAddress.TECHNOLOGIES) {
            int mbps = cells.whole(technology, 0);
            technologies.add(new TechnologyAtAddress(postalCode, technology, mbps > 0, mbps));
        }
        String accepted = cells.matching("acceptedTerms", TERMS, "a terms version, e.g. 2026-01",
                "una versión de términos, p. ej. 2026-01", "");
        String inEffect = cells.matching("termsInEffect", TERMS, "a terms version, e.g. 2026-01",
                "una versión de términos, p. ej. 2026-01", "");
        List<ItemFacts> lines = new ArrayList<>();
        Map<String, StockAtLocation> stock = new LinkedHashMap<>();
        boolean pickup = "STORE_PICKUP".equals(delivery);
        for (Item item : items) {
            Product p = products.get(item.product());
            if (p == null) {
                continue;
            }
            lines.add(new ItemFacts(lines.size() + 1, p.code(), p.name(), p.kind(), p.category(), item.quantity(),
                    item.instalments(), p.price(), p.monthlyFee(), p.mbps(), p.contractMonths(), p.financeable(),
                    p.maxInstalments()));
            if ("DEVICE".equals(p.kind())) {
                stock.putIfAbsent(p.code(), new StockAtLocation(p.code(), pickup ? store : "SUITE-WAREHOUSE",
                        pickup ? "STORE" : "WAREHOUSE", item.stock(), 0));
            }
        }
        BigDecimal devices = lines.stream().filter(ItemFacts::isDevice).map(ItemFacts::getLineTotal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal financed = lines.stream().map(ItemFacts::getFinancedAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal monthly = lines.stream().filter(ItemFacts::isService)
                .map(i -> i.getMonthlyFee().multiply(BigDecimal.valueOf(i.getQuantity())))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        OrderFacts order = new OrderFacts(id == null ? "" : id, channel, delivery, pickup ? store : null, postalCode,
                accepted, inEffect, "PEN", devices, financed, monthly,
                lines.stream().mapToInt(ItemFacts::getInstallments).max().orElse(0),
                (int) lines.stream().filter(ItemFacts::isService).count(),
                lines.stream().filter(ItemFacts::isDevice).mapToInt(ItemFacts::getQuantity).sum(), at);
        return new EvaluationFacts(order, customer, lines, current, technologies, List.copyOf(stock.values()));
    }

    /** The cells of one row read by type; each value that cannot be read is a problem at its cell. */
    private static final class Cells {

        private final SuiteSheet sheet;
        private final SuiteSheet.Line line;
        private final String owner;
        private final String propietario;
        private final List<RuleProblem> problems;

        Cells(SuiteSheet sheet, SuiteSheet.Line line, String owner, String propietario, List<RuleProblem> problems) {
            this.sheet = sheet;
            this.line = line;
            this.owner = owner;
            this.propietario = propietario;
            this.problems = problems;
        }

        void refuse(String key, String message, String spanish) {
            problems.add(sheet.at(line, key, owner, propietario, message, spanish));
        }

        private String typed(String key, ValueType type, String fallback, String... allowed) {
            String raw = line.get(key);
            if (raw.isEmpty()) {
                if (fallback == null) {
                    refuse(key, "is empty; this column must be filled in every row", "está vacía; esta columna se"
                            + " llena en cada fila");
                }
                return fallback;
            }
            ValueType.Reading reading = type.read(raw, List.of(allowed));
            if (!reading.ok()) {
                refuse(key, reading.problem(), reading.problema());
                return fallback;
            }
            return reading.value();
        }

        String code(String key, String fallback, String... allowed) {
            return typed(key, ValueType.CODE, fallback, allowed);
        }

        String codes(String key) {
            return typed(key, ValueType.CODE_LIST, "");
        }

        int whole(String key, int fallback) {
            String value = typed(key, ValueType.WHOLE_NUMBER, String.valueOf(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                refuse(key, "is too large", "es demasiado grande");
                return fallback;
            }
        }

        BigDecimal amount(String key, String fallback) {
            return new BigDecimal(typed(key, ValueType.AMOUNT, fallback));
        }

        boolean yesNo(String key, boolean fallback) {
            return Boolean.parseBoolean(typed(key, ValueType.YES_NO, String.valueOf(fallback)));
        }

        String text(String key, String fallback) {
            String value = typed(key, ValueType.DESCRIPTION, fallback);
            return value == null ? "" : value;
        }

        String matching(String key, Pattern pattern, String expected, String esperado, String fallback) {
            String raw = line.get(key);
            if (raw.isEmpty()) {
                if (fallback == null) {
                    refuse(key, "is empty; this column must be filled in every row", "está vacía; esta columna se"
                            + " llena en cada fila");
                }
                return fallback;
            }
            if (!pattern.matcher(raw).matches()) {
                refuse(key, seen(raw) + " is not " + expected, seen(raw) + " no es " + esperado);
                return fallback;
            }
            return raw;
        }

        String known(String key, Set<String> codes) {
            String code = matching(key, PRODUCT, "a product code", "un código de producto", null);
            if (code != null && !codes.contains(code)) {
                refuse(key, seen(code) + " is not in sheet Catalogo; add the product there",
                        seen(code) + " no está en la hoja Catalogo; agrega allí el producto");
                return null;
            }
            return code;
        }

        List<String> knownList(String key, Set<String> codes) {
            String raw = line.get(key);
            if (raw.isEmpty()) {
                return List.of();
            }
            List<String> known = new ArrayList<>();
            for (String code : raw.split(",")) {
                String trimmed = code.trim();
                if (!codes.contains(trimmed)) {
                    refuse(key, seen(trimmed) + " is not in sheet Catalogo; add the product there",
                            seen(trimmed) + " no está en la hoja Catalogo; agrega allí el producto");
                    return List.of();
                }
                known.add(trimmed);
            }
            return known;
        }

        private static String seen(String raw) {
            return "«" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "»";
        }
    }
}
