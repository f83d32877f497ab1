package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How the cost of an order grows with the work (issue 17), on one service started by run.sh:
 * <ul>
 * <li><b>items</b>: orders of 1, 5 and 20 items (postpaid lines and phones paid in full, for a business customer,
 * all released): evaluations/s (dry run) and persisted create + evaluate orders/s;</li>
 * <li><b>credit table</b>: the credit table as shipped (12 rows), then with 1,000 and 10,000 rows — the shipped rows
 * below filler rows that no benchmark customer matches (overdue debt bands from S/ 1,000,000 up), so every financed
 * order still gets the shipped decision while the engine has the whole table to match — each uploaded and activated
 * through the rules API like a business user's workbook; evaluations/s and persisted orders/s of financed orders.</li>
 * </ul>
 * The active version is restored at the end. Usage: {@code <service-url> <service-pid> <out.json>}; the service must
 * allow tables of 10,000 rows ({@code orders.rules.limits.rows-per-table}).
 */
public final class GrowthBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final List<Integer> ITEMS = List.of(1, 5, 20);
    private static final List<Integer> CREDIT_ROWS = List.of(12, 1_000, 10_000);
    private static final String CREDIT_FILE = "credit.drl.xlsx";
    private static final String CREDIT_SHEET = "Credito";

    private final Target target;
    private final Target approver;
    private final long pid;
    private final OrderBodies bodies = new OrderBodies();
    private final AtomicLong sequence = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private final double warmup = setting("BENCH_WARMUP_SECONDS", 5);
    private final double seconds = setting("BENCH_SECONDS", 15);

    private GrowthBenchmark(Target target, long pid) {
        this.pid = pid;
        this.target = target;
        this.approver = target.asApprover();
    }

    public static void main(String[] args) throws Exception {
        GrowthBenchmark benchmark = new GrowthBenchmark(Target.fromEnvironment(args[0]), Long.parseLong(args[1]));
        Map<String, Object> results = new LinkedHashMap<>();
        // stocked too: the phones ship from the warehouses, and no order of the run may be refused for stock
        results.put("jitWarmUp", JitWarmUp.readyToMeasure("growth", benchmark.pid, benchmark.target,
                benchmark.bodies, CLIENTS, true).toMap());
        results.put("items", benchmark.items());
        results.put("creditTable", benchmark.creditTable());
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private List<Map<String, Object>> items() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int items : ITEMS) {
            rows.add(measure(items + " item" + (items == 1 ? "" : "s"), () -> businessOrder(items)));
        }
        return rows;
    }

    private Map<String, Object> creditTable() throws Exception {
        int original = activeVersion();
        byte[] shipped = target.client().send(target.get(Target.RULESETS + "/" + original + "/files/" + CREDIT_FILE),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (int size : sizes()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rows", size);
                if (size > shippedRows(shipped)) {
                    byte[] workbook = withFillerRows(shipped, size - shippedRows(shipped));
                    long began = System.nanoTime();
                    HttpResponse<String> uploaded = Target.expect(target.send(target.upload(Target.RULESETS,
                            CREDIT_FILE, workbook, "benchmark: a credit table of " + size + " rows")), 201);
                    row.put("uploadSeconds", Load.round((System.nanoTime() - began) / 1e9, 1));
                    int version = JSON.readTree(uploaded.body()).path("version").asInt();
                    began = System.nanoTime();
                    Target.expect(approver.send(patient(approver.post(String.format(Target.ACTIVATION, version),
                            null))), 200, 201, 204);
                    row.put("activationSeconds", Load.round((System.nanoTime() - began) / 1e9, 1));
                }
                row.putAll(measure("credit table of " + size + " rows", this::financedOrder));
                rows.add(row);
            }
        } finally {
            if (activeVersion() != original) {
                Target.expect(approver.send(patient(approver.post(String.format(Target.ACTIVATION, original),
                        null))), 200, 201, 204);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows);
        return result;
    }

    /** The credit table sizes: BENCH_CREDIT_ROWS (e.g. "12,1000"), else 12, 1,000 and 10,000. */
    private static List<Integer> sizes() {
        String sizes = System.getenv("BENCH_CREDIT_ROWS");
        return sizes == null || sizes.isBlank() ? CREDIT_ROWS
                : Arrays.stream(sizes.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /** Evaluations/s (dry run) and persisted orders/s of the orders {@code body} makes, at 8 clients. */
    private Map<String, Object> measure(String what, Supplier<String> body) throws Exception {
        Load.Stats dryRun = Load.closed("dry run, " + what, CLIENTS, warmup, seconds, Long.MAX_VALUE,
                () -> Target.expect(target.send(target.post(Target.DRY_RUN, body.get())), 200));
        log(dryRun);
        Load.Stats persisted = Load.closed("persisted, " + what, CLIENTS, warmup, seconds, Long.MAX_VALUE,
                () -> target.createAndEvaluate(body.get()));
        log(persisted);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("what", what);
        row.put("dryRun", dryRun.toMap());
        row.put("persisted", persisted.toMap());
        return row;
    }

    /** A business customer's order of {@code items} lines, postpaid plans and phones in turn, all released. */
    private String businessOrder(int items) {
        long n = sequence.incrementAndGet();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= items; i++) {
            lines.append(i == 1 ? "" : ",").append("{\"productCode\":\"")
                    .append(i % 2 == 1 ? "POSTPAID-49" : "PHONE-A15-128").append("\",\"quantity\":1}");
        }
        return "{\"externalId\":\"GROW-" + run + "-" + n + "\",\"channel\":\"CALL_CENTER\",\"customer\":"
                + "{\"documentType\":\"RUC\",\"documentNumber\":\"20" + String.format("%09d", n % 1_000_000_000)
                + "\",\"name\":\"Empresa Benchmark " + n + "\",\"email\":\"compras" + n + "@example.com\","
                + "\"phone\":\"+51 987 654 321\",\"segment\":\"BUSINESS\"},\"serviceAddress\":{\"street\":"
                + "\"Av. Larco 345\",\"city\":\"Lima\",\"postalCode\":\"15046\"},\"items\":[" + lines
                + "],\"acceptedTermsVersion\":\"2026-01\",\"delivery\":{\"method\":\"HOME_DELIVERY\"},"
                + "\"paymentMethod\":\"AUTOMATIC_DEBIT\"}";
    }

    /** Financed orders, which the credit table decides: a borderline, a declined and a new customer, in turn. */
    private String financedOrder() {
        return switch ((int) (sequence.incrementAndGet() % 3)) {
            case 0 -> bodies.next(OrderBodies.Kind.HELD_BORDERLINE_CREDIT);
            case 1 -> bodies.next(OrderBodies.Kind.REJECTED_CREDIT);
            default -> bodies.next(OrderBodies.Kind.HELD_NO_CREDIT_HISTORY);
        };
    }

    /** The request with a ten-minute timeout: activation answers once the version is compiled. */
    private static HttpRequest patient(HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(Duration.ofMinutes(10)).build();
    }

    private int activeVersion() throws Exception {
        return JSON.readTree(Target.expect(target.send(target.get(Target.RULESETS + "/active")), 200).body())
                .path("version").asInt();
    }

    private static int shippedRows(byte[] workbook) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(CREDIT_SHEET);
            int first = firstRuleRow(sheet);
            int last = first;
            while (sheet.getRow(last + 1) != null && !text(sheet.getRow(last + 1), 0).isBlank()) {
                last++;
            }
            return last - first + 1;
        }
    }

    /** The shipped workbook with {@code filler} rows inserted above its first rule row. */
    private static byte[] withFillerRows(byte[] workbook, int filler) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet(CREDIT_SHEET);
            int first = firstRuleRow(sheet);
            sheet.shiftRows(first, sheet.getLastRowNum(), filler);
            for (int i = 0; i < filler; i++) {
                Row row = sheet.createRow(first + i);
                double from = 1_000_000 + 10.0 * i;
                row.createCell(0).setCellValue(String.format("CREDIT-9%05d", i));
                row.createCell(1).setCellValue("Fila de relleno del benchmark " + i);
                row.createCell(2).setCellValue(i % 2 == 0 ? "RESIDENTIAL" : "BUSINESS");
                row.createCell(6).setCellValue(from);
                row.createCell(7).setCellValue(from + 9);
                row.createCell(11).setCellValue("FAIL");
                row.createCell(12).setCellValue("OVERDUE_DEBT");
                row.createCell(13).setCellValue("Deuda vencida de S/ {overdueDebt}: no puede financiar");
                row.createCell(14).setCellValue("El financiamiento no está disponible para este cliente");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The first row under the labels row (the one whose first cell names the rule id column). */
    private static int firstRuleRow(Sheet sheet) {
        for (Row row : sheet) {
            if (text(row, 0).startsWith("Id de regla")) {
                return row.getRowNum() + 1;
            }
        }
        throw new IllegalStateException("No labels row in sheet " + CREDIT_SHEET);
    }

    private static String text(Row row, int column) {
        return row.getCell(column) == null ? "" : row.getCell(column).toString();
    }

    private static void log(Load.Stats s) {
        System.out.printf("  %-45s %3d clients  %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  failed %d%n", s.scenario(),
                s.clients(), s.perSecond(), s.p50(), s.p99(), s.failed());
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
