package pe.telco.orders.benchmark;

import static pe.telco.orders.benchmark.ServiceDatabase.count;
import static pe.telco.orders.benchmark.ServiceDatabase.secondsSince;
import static pe.telco.orders.benchmark.ServiceDatabase.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import pe.telco.orders.database.DatabaseCredentials;

/**
 * Issue 18: audit search and CSV export on a record of many million firing rows in monthly partitions. The rows are
 * generated with generate_series straight into the partitioned tables as the schema owner (12 months, 10 firings per
 * evaluation, BENCH_AUDIT_FIRINGS firings in all), analysed, and then the auditors' searches and exports are timed
 * over HTTP against the running service (sealer off: only the queries are measured). Writes audit.json.
 */
public final class AuditBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final int FIRINGS_PER_EVALUATION = 10;
    private static final int MONTHS = 12;
    private static final int REPEATS = 5;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        long firings = Long.parseLong(System.getenv().getOrDefault("BENCH_AUDIT_FIRINGS", "10000000"));
        String auth = "Basic " + Base64.getEncoder().encodeToString((System.getenv("BENCH_AUDITOR_USER") + ":"
                + System.getenv("BENCH_AUDITOR_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        awaitReady(http, base);

        ObjectNode result = JSON.createObjectNode();
        long evaluations = firings / FIRINGS_PER_EVALUATION;
        YearMonth last = YearMonth.now(LIMA).minusMonths(1);
        YearMonth first = last.minusMonths(MONTHS - 1);
        long started = System.nanoTime();
        try (Connection owner = ServiceDatabase.connect(data, "orders_owner",
                DatabaseCredentials.read(data).owner(), "benchmark: audit rows"); Statement s = owner.createStatement()) {
            generate(s, evaluations, first);
            result.put("generateSeconds", secondsSince(started));
            long analysed = System.nanoTime();
            s.execute("analyze evaluation");
            s.execute("analyze rule_firing");
            result.put("analyzeSeconds", secondsSince(analysed));
            result.put("evaluationRows", count(s, "select count(*) from evaluation"));
            result.put("firingRows", count(s, "select count(*) from rule_firing"));
            result.put("partitions", count(s, "select count(*) from pg_inherits where inhparent = 'evaluation'::regclass"));
            result.put("databaseSize", text(s, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
        System.out.printf("  generated %,d evaluations and %,d firings in %d months in %.0f s%n",
                result.get("evaluationRows").asLong(), result.get("firingRows").asLong(), MONTHS,
                result.get("generateSeconds").asDouble());

        YearMonth month = first.plusMonths(MONTHS / 2);
        String from = month.toString() + "-01";
        String to = month.plusMonths(1).toString() + "-01";
        ArrayNode searches = result.putArray("searches");
        search(http, base, auth, searches, "newest 50 (with total)", "/api/audit/evaluations?size=50");
        search(http, base, auth, searches, "one customer", "/api/audit/evaluations?customerDocument=DNI:10000123");
        search(http, base, auth, searches, "one order number", "/api/audit/evaluations?orderNumber=BENCH-777777");
        search(http, base, auth, searches, "one month, REJECTED, 50",
                "/api/audit/evaluations?decision=REJECTED&size=50&from=" + from + "&to=" + to);
        search(http, base, auth, searches, "check CREDIT, reason LOW_CREDIT_SCORE, one month, 50",
                "/api/audit/evaluations?check=CREDIT&reasonCode=LOW_CREDIT_SCORE&size=50&from=" + from + "&to=" + to);
        search(http, base, auth, searches, "firings of rule CREDIT-070, one month, 50",
                "/api/audit/rules/CREDIT-070/firings?size=50&from=" + from + "&to=" + to);
        search(http, base, auth, searches, "summary of one month", "/api/audit/summary?from=" + from + "&to=" + to);
        ArrayNode exports = result.putArray("exports");
        export(http, base, auth, exports, "evaluations of one month (CSV)",
                "/api/audit/evaluations/export?from=" + from + "&to=" + to);
        export(http, base, auth, exports, "firings of rule CREDIT-070, one month (CSV)",
                "/api/audit/rules/CREDIT-070/firings/export?from=" + from + "&to=" + to);
        result.put("month", month.toString());
        result.put("totalSeconds", secondsSince(started));
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /**
     * Evaluations spread evenly over the months (one statement per month, each into its own partition), ten firings
     * each, with the shape the service stores: a results array the GIN index serves, facts of a realistic size.
     */
    private static void generate(Statement s, long evaluations, YearMonth first) throws Exception {
        long perMonth = evaluations / MONTHS;
        // one order for all of them (the record's foreign key; the demo data has customers but no orders)
        s.execute("insert into customer (document_type, document_number, name, segment, customer_since)"
                + " values ('DNI', '09999999', 'Cliente de benchmark', 'RESIDENTIAL', date '2020-01-01')"
                + " on conflict do nothing");
        s.execute("insert into orders (order_number, external_id, channel, customer_id, customer_document_type,"
                + " customer_document_number, customer_name, customer_segment, payment_method, currency, state,"
                + " created_at, updated_at) select 'BENCH-AUDIT', 'bench-audit', 'WEB', id, document_type,"
                + " document_number, name, segment, 'ONLINE', 'PEN', 'acknowledged', now(), now() from customer"
                + " where document_type = 'DNI' and document_number = '09999999'");
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            s.execute("select audit_ensure_month(date '" + month + "-01')");
            String start = "timestamptz '" + month + "-01 00:00:00-05'";
            long offset = m * perMonth;
            s.execute("insert into evaluation (order_id, order_number, channel, customer_document, decision,"
                    + " ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros, actor,"
                    + " app_version, drools_version)"
                    + " select (select id from orders where order_number = 'BENCH-AUDIT'), 'BENCH-' || n,"
                    + " (array['WEB','APP','STORE','CALL_CENTER'])[1 + n % 4], 'DNI:' || (10000000 + n % 200000),"
                    + " (array['RELEASED','RELEASED','HELD','REJECTED'])[1 + n % 4], 1, 'bench',"
                    + " jsonb_build_object('customer', jsonb_build_object('documentType', 'DNI', 'documentNumber',"
                    + " (10000000 + n % 200000)::text, 'segment', 'RESIDENTIAL', 'creditScore', n % 1000,"
                    + " 'overdueDebt', 0), 'order', jsonb_build_object('orderNumber', 'BENCH-' || n, 'channel', 'WEB',"
                    + " 'postalCode', '15046'), 'items', jsonb_build_array(jsonb_build_object('line', 1,"
                    + " 'productCode', 'T-FIBER-300'))),"
                    + " jsonb_build_array(jsonb_build_object('check', 'CREDIT', 'line', 0, 'outcome',"
                    + " (array['PASS','REVIEW','FAIL'])[1 + n % 3], 'code', (array['CREDIT_OK','LOW_CREDIT_SCORE',"
                    + " 'DEBT_OVER_LIMIT','THIN_FILE'])[1 + n % 4]), jsonb_build_object('check', 'COVERAGE', 'line', 1,"
                    + " 'outcome', 'PASS', 'code', 'COVERED')),"
                    + " " + start + " + (n - " + offset + ") * (interval '27 days' / " + Math.max(perMonth, 1) + "),"
                    + " 900 + n % 500, 'bench', 'bench', 'bench'"
                    + " from generate_series(" + (offset + 1) + ", " + (offset + perMonth) + ") n");
            s.execute("insert into rule_firing (evaluation_id, evaluated_at, sequence, rule_id, rule_name, description,"
                    + " source, sheet, row_number, check_name, item_line, outcome, reason_code)"
                    + " select e.id, e.evaluated_at, k, (array['CREDIT-010','CREDIT-030','CREDIT-070','COV-010',"
                    + "'COV-030','INV-001','TERMS-001','CHK-004','FIN-010','COMP-020'])[k],"
                    + " 'rule ' || k, 'a sentence that says what the rule decides', 'credit.drl.xlsx', 'Credito',"
                    + " 10 + k, 'CREDIT', 0, (array['PASS','REVIEW','FAIL'])[1 + (e.id + k) % 3], 'CODE_' || k"
                    + " from evaluation e cross join generate_series(1, " + FIRINGS_PER_EVALUATION + ") k"
                    + " where e.evaluated_at >= " + start + " and e.evaluated_at < " + start + " + interval '1 month'"
                    + " and e.order_number like 'BENCH-%'");
            System.out.printf("  month %s: %,d evaluations%n", month, perMonth);
        }
    }

    private static void search(HttpClient http, String base, String auth, ArrayNode into, String name, String path)
            throws Exception {
        List<Double> times = new ArrayList<>();
        int status = 0;
        long bytes = 0;
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(get(base + path, auth), HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - t) / 1e6);
            status = r.statusCode();
            bytes = r.body().length;
        }
        times.sort(Double::compare);
        ObjectNode row = into.addObject();
        row.put("name", name);
        row.put("path", path);
        row.put("status", status);
        row.put("bytes", bytes);
        row.put("firstMs", times.get(0));
        row.put("medianMs", times.get(times.size() / 2));
        row.put("maxMs", times.get(times.size() - 1));
        System.out.printf("  %-58s %4d  median %8.1f ms  max %8.1f ms%n", name, status, row.get("medianMs").asDouble(),
                row.get("maxMs").asDouble());
    }

    private static void export(HttpClient http, String base, String auth, ArrayNode into, String name, String path)
            throws Exception {
        long t = System.nanoTime();
        HttpResponse<InputStream> r = http.send(get(base + path, auth), HttpResponse.BodyHandlers.ofInputStream());
        long rows = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        double secs = (System.nanoTime() - t) / 1e9;
        ObjectNode row = into.addObject();
        row.put("name", name);
        row.put("path", path);
        row.put("status", r.statusCode());
        row.put("rows", Math.max(rows - 1, 0));
        row.put("bytes", bytes);
        row.put("seconds", secs);
        row.put("rowsPerSecond", secs > 0 ? (rows - 1) / secs : 0);
        System.out.printf("  %-58s %4d  %,d rows, %,d bytes in %.1f s (%,.0f rows/s)%n", name, r.statusCode(),
                row.get("rows").asLong(), bytes, secs, row.get("rowsPerSecond").asDouble());
    }

    private static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofMinutes(30))
                .GET().build();
    }

    private static void awaitReady(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not become ready at " + base);
    }
}
