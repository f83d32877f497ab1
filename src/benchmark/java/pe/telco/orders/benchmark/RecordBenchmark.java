package pe.telco.orders.benchmark;

import static pe.telco.orders.benchmark.ServiceDatabase.count;
import static pe.telco.orders.benchmark.ServiceDatabase.secondsSince;
import static pe.telco.orders.benchmark.ServiceDatabase.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pe.telco.orders.database.DatabaseCredentials;

/**
 * Issue 17: intake and evaluation must not slow as the decision record grows. On a fresh service (sealer off), once its
 * JIT has caught up, at 8 clients: persisted orders/s through create + evaluate and through TMF622 POST /productOrder,
 * and dry-run evaluations/s, on the nearly empty record; then BENCH_RECORD_EVALUATIONS stored evaluations more (10
 * million by default), generated with generate_series as the schema owner, each with its own order, order item and
 * firing, spread evenly over the last 12 months in Lima up to now; then the same three again. Each side is
 * BENCH_RECORD_ROUNDS rounds (3), its median kept. Writes record.json.
 *
 * <p>The generated rows are copies of the rows the service stored while it was measured before (its facts, results,
 * firings, order and first item, taken in turn), with fresh keys, order numbers, customers and times. The load follows
 * PostgreSQL's advice for bulk loads: the four tables' secondary indexes and foreign keys are dropped first and rebuilt
 * (and the keys validated) after it, so the schema after the load is the one the service made.
 *
 * <p>Usage: {@code <service-url> <service-pid> <embedded-postgres-data-dir> <out.json>}.
 */
public final class RecordBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final String APPLICATION = "benchmark: record";
    private static final int CLIENTS = 8;
    private static final List<String> SCENARIOS = List.of("persisted", "tmf622", "dryRun");
    private static final int MONTHS = 12;
    /**
     * Firings per generated evaluation (the service stores 7 to 20): one keeps 10 million within a quarter of an hour
     * on two cores; the audit stage measures a record of ten per evaluation.
     */
    private static final int FIRINGS_PER_EVALUATION = 1;
    /** A customer orders a few times a year: one generated customer per four generated orders. */
    private static final int ORDERS_PER_CUSTOMER = 4;
    /** Stored evaluations copied, the newest: enough variety, and few enough to join in memory. */
    private static final int TEMPLATES = 5_000;
    private static final String TABLES = "('orders'::regclass, 'order_item'::regclass, 'evaluation'::regclass,"
            + " 'rule_firing'::regclass)";

    private final Target target;
    private final long pid;
    private final OrderBodies bodies = new OrderBodies();
    private final double warmup = setting("BENCH_WARMUP_SECONDS", 5);
    private final double seconds = setting("BENCH_SECONDS", 15);

    private RecordBenchmark(Target target, long pid) {
        this.target = target;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        RecordBenchmark benchmark = new RecordBenchmark(Target.fromEnvironment(args[0]), Long.parseLong(args[1]));
        Path data = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long evaluations = (long) setting("BENCH_RECORD_EVALUATIONS", 10_000_000);
        int rounds = (int) setting("BENCH_RECORD_ROUNDS", 3);
        benchmark.target.awaitReady();
        benchmark.target.stockUp();

        ObjectNode result = JSON.createObjectNode();
        result.put("clients", CLIENTS);
        result.put("warmupSeconds", benchmark.warmup);
        result.put("seconds", benchmark.seconds);
        result.put("rounds", rounds);
        result.put("sealerEnabled", false);
        result.putPOJO("jitWarmUp", JitWarmUp.until("record", benchmark.pid, () -> benchmark.round("warm-up")).toMap());
        result.set("before", benchmark.rounds("before", rounds));
        DatabaseCredentials credentials = DatabaseCredentials.read(data);
        try (Connection owner = ServiceDatabase.connect(data, "orders_owner", credentials.owner(), APPLICATION);
                Statement s = owner.createStatement()) {
            result.set("record", generate(s, evaluations));
        }
        // the load's dirty pages are written now, not by a checkpoint during the measurement (needs pg_checkpoint)
        long checkpoint = System.nanoTime();
        try (Connection superuser = ServiceDatabase.connect(data, "postgres", credentials.superuser(), APPLICATION);
                Statement s = superuser.createStatement()) {
            s.execute("checkpoint");
        }
        ((ObjectNode) result.get("record")).put("checkpointSeconds", secondsSince(checkpoint));
        result.set("after", benchmark.rounds("after", rounds));

        ObjectNode ratios = result.putObject("ratios");
        for (String scenario : SCENARIOS) {
            ratios.put(scenario, result.get("after").get(scenario).get("perSecond").asDouble()
                    / result.get("before").get(scenario).get("perSecond").asDouble());
        }
        long failed = result.get("before").get("failed").asLong() + result.get("after").get("failed").asLong();
        result.put("failed", failed);
        result.put("goalMet", ratios.get("persisted").asDouble() >= 0.9 && ratios.get("tmf622").asDouble() >= 0.9
                && failed == 0);
        System.out.printf("  after / before (medians of %d rounds): create + evaluate %.0f%%, TMF622 %.0f%%, dry run"
                + " %.0f%%; %d failed; persisted goal (>= 90%%) %s%n", rounds, 100 * ratios.get("persisted").asDouble(),
                100 * ratios.get("tmf622").asDouble(), 100 * ratios.get("dryRun").asDouble(), failed,
                result.get("goalMet").asBoolean() ? "PASS" : "MISS");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /**
     * {@code count} rounds; per scenario the round of median throughput (with its latencies) and every round's
     * throughput, failures of all rounds, and the machine's load average (1 min) when they began.
     */
    private ObjectNode rounds(String when, int count) throws Exception {
        ObjectNode side = JSON.createObjectNode();
        side.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        List<ObjectNode> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(round(when));
        }
        long failed = 0;
        for (String scenario : SCENARIOS) {
            List<ObjectNode> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingDouble(r -> r.get(scenario).get("perSecond").asDouble()));
            side.set(scenario, sorted.get((sorted.size() - 1) / 2).get(scenario));
            ArrayNode all = side.putArray(scenario + "PerSecond");
            for (ObjectNode run : runs) {
                all.add(run.get(scenario).get("perSecond").asDouble());
                failed += run.get(scenario).get("failed").asLong();
            }
        }
        side.put("failed", failed);
        return side;
    }

    /** Create + evaluate (the mix), TMF622 (fibre and TV, released) and dry runs (the mix), 8 clients each. */
    private ObjectNode round(String when) throws Exception {
        ObjectNode runs = JSON.createObjectNode();
        Load.Stats persisted = Load.closed("persisted", CLIENTS, warmup, seconds, Long.MAX_VALUE,
                () -> target.createAndEvaluate(bodies.nextOfMix()));
        log(when, persisted);
        runs.set("persisted", JSON.valueToTree(persisted.toMap()));
        Load.Stats tmf622 = Load.closed("tmf622 productOrder", CLIENTS, warmup, seconds, Long.MAX_VALUE,
                () -> Target.expect(target.send(target.post(Target.PRODUCT_ORDER, bodies.tmfHousehold())), 201));
        log(when, tmf622);
        runs.set("tmf622", JSON.valueToTree(tmf622.toMap()));
        Load.Stats dryRun = Load.closed("dry-run", CLIENTS, warmup, seconds, Long.MAX_VALUE,
                () -> Target.expect(target.send(target.post(Target.DRY_RUN, bodies.nextOfMix())), 200));
        log(when, dryRun);
        runs.set("dryRun", JSON.valueToTree(dryRun.toMap()));
        return runs;
    }

    /**
     * Adds {@code evaluations} stored evaluations, each with its order, one order item and its firings, copied from the
     * ones the service stored so far; one statement per table and month. Answers what was made and how long it took.
     */
    private static ObjectNode generate(Statement s, long evaluations) throws Exception {
        ObjectNode record = JSON.createObjectNode();
        long began = System.nanoTime();
        s.execute("set work_mem = '64MB'");
        s.execute("set maintenance_work_mem = '512MB'");
        s.execute("set lock_timeout = '60s'");
        record.put("requested", evaluations);
        record.put("evaluationsBefore", count(s, "select count(*) from evaluation"));
        record.put("databaseSizeBefore", text(s, "select pg_size_pretty(pg_database_size(current_database()))"));
        long templates = templates(s, record);

        // evenly in time from the first day of the month eleven months back to a minute ago, Lima time
        YearMonth current = YearMonth.now(LIMA);
        YearMonth first = current.minusMonths(MONTHS - 1);
        Instant from = first.atDay(1).atStartOfDay(LIMA).toInstant();
        Instant until = Instant.now().minusSeconds(60);
        long step = Math.max(1, ChronoUnit.MICROS.between(from, until) / evaluations);
        for (int m = 0; m < MONTHS; m++) {
            s.execute("select audit_ensure_month(date '" + first.plusMonths(m) + "-01')");
        }
        long customers = Math.max(1, evaluations / ORDERS_PER_CUSTOMER);
        Keys keys = new Keys(reserve(s, "pg_get_serial_sequence('customer', 'id')", customers),
                reserve(s, "pg_get_serial_sequence('orders', 'id')", evaluations),
                reserve(s, "'order_number_seq'", evaluations), reserve(s, "'evaluation_id_seq'", evaluations),
                customers, templates, from, step);

        long loading = System.nanoTime();
        List<String> rebuild = dropIndexesAndForeignKeys(s);
        record.put("customers", s.executeUpdate(customers(keys)));
        System.out.printf("  %,d customers (one per %d orders) in %.0f s%n", customers, ORDERS_PER_CUSTOMER,
                secondsSince(loading));
        long orders = 0;
        long items = 0;
        long made = 0;
        long firings = 0;
        double[] perTable = new double[4];
        ArrayNode months = record.putArray("months");
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            long lo = keys.firstAt(month.atDay(1).atStartOfDay(LIMA).toInstant(), evaluations);
            long hi = m == MONTHS - 1 ? evaluations
                    : keys.firstAt(month.plusMonths(1).atDay(1).atStartOfDay(LIMA).toInstant(), evaluations);
            long t = System.nanoTime();
            String series = " from generate_series(" + lo + "::bigint, " + (hi - 1) + "::bigint) n";
            String template = series + " join record_template t on t.k = n % " + templates;
            long table = System.nanoTime();
            orders += s.executeUpdate(orders(keys, month.getYear()) + template);
            perTable[0] += secondsSince(table);
            table = System.nanoTime();
            items += s.executeUpdate(items(keys) + template);
            perTable[1] += secondsSince(table);
            table = System.nanoTime();
            long monthEvaluations = s.executeUpdate(evaluations(keys, month.getYear()) + template);
            made += monthEvaluations;
            perTable[2] += secondsSince(table);
            table = System.nanoTime();
            firings += s.executeUpdate(firings(keys) + series + " join record_template_firing f on f.k = n % "
                    + templates);
            perTable[3] += secondsSince(table);
            ObjectNode row = months.addObject();
            row.put("month", month.toString());
            row.put("evaluations", monthEvaluations);
            row.put("seconds", secondsSince(t));
            System.out.printf("  month %s: %,d evaluations with their orders, items and firings in %.0f s (%,d of"
                    + " %,d so far, %.0f s)%n", month, monthEvaluations, secondsSince(t), made, evaluations,
                    secondsSince(began));
        }
        record.put("orders", orders);
        record.put("orderItems", items);
        record.put("evaluations", made);
        record.put("firings", firings);
        record.put("firingsPerEvaluation", FIRINGS_PER_EVALUATION);
        record.put("ordersPerCustomer", ORDERS_PER_CUSTOMER);
        record.put("loadSeconds", secondsSince(loading));
        ObjectNode tableSeconds = record.putObject("loadSecondsByTable");
        tableSeconds.put("orders", perTable[0]);
        tableSeconds.put("order_item", perTable[1]);
        tableSeconds.put("evaluation", perTable[2]);
        tableSeconds.put("rule_firing", perTable[3]);
        System.out.printf("  loaded in %.0f s: orders %.0f s, order_item %.0f s, evaluation %.0f s, rule_firing %.0f"
                + " s%n", secondsSince(loading), perTable[0], perTable[1], perTable[2], perTable[3]);

        long rebuilding = System.nanoTime();
        for (String statement : rebuild) {
            long t = System.nanoTime();
            s.execute(statement);
            System.out.printf("  %.0f s  %s%n", secondsSince(t), statement);
        }
        record.put("rebuildSeconds", secondsSince(rebuilding));
        long vacuum = System.nanoTime();
        s.execute("vacuum (analyze) customer, orders, order_item, evaluation, rule_firing");
        record.put("vacuumSeconds", secondsSince(vacuum));
        System.out.printf("  vacuum (analyze) in %.0f s%n", secondsSince(vacuum));
        record.put("generateSeconds", secondsSince(began));
        record.put("evaluationsAfter", count(s, "select sum(c.reltuples)::bigint from pg_inherits i"
                + " join pg_class c on c.oid = i.inhrelid where i.inhparent = 'evaluation'::regclass"));
        record.put("partitions", count(s, "select count(*) from pg_inherits where inhparent = 'evaluation'::regclass"));
        record.put("databaseSize", text(s, "select pg_size_pretty(pg_database_size(current_database()))"));
        record.put("evaluationTableSize", text(s, "select pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                + " from pg_inherits where inhparent = 'evaluation'::regclass"));
        System.out.printf("  generated %,d evaluations, %,d orders, %,d items, %,d firings, %,d customers in %.0f s;"
                + " database %s%n", made, orders, items, firings, customers, record.get("generateSeconds").asDouble(),
                record.get("databaseSize").asText());
        return record;
    }

    /**
     * The newest evaluations stored so far (those of the rounds before), with their orders and each order's first item,
     * numbered from 0: generated row n copies template n % count. Their firings likewise, the first of each.
     */
    private static long templates(Statement s, ObjectNode record) throws Exception {
        s.execute("create temp table record_template as select (row_number() over (order by e.id) - 1)::bigint k,"
                + " e.id evaluation_id, e.evaluated_at, e.decision, e.ruleset_version, e.ruleset_hash, e.facts,"
                + " e.results, e.duration_micros, e.actor, e.app_version, e.drools_version, o.channel,"
                + " o.customer_phone, o.customer_segment, o.service_street, o.service_city, o.service_postal_code,"
                + " o.delivery_method, o.delivery_street, o.delivery_city, o.delivery_postal_code, o.pickup_store_code,"
                + " o.payment_method, o.accepted_terms_version, o.currency, o.requested_start_date,"
                + " o.requested_completion_date, i.product_code, i.product_name, i.kind, i.category, i.quantity,"
                + " i.installments, i.unit_price, i.monthly_fee, i.contract_months, i.download_mbps, i.financeable,"
                + " i.max_installments, i.channel_item_id"
                + " from (select * from evaluation order by id desc limit " + TEMPLATES + ") e"
                + " join orders o on o.id = e.order_id join order_item i on i.order_id = o.id and i.line_no = 1");
        s.execute("create temp table record_template_firing as select t.k, f.sequence, f.rule_id, f.rule_name,"
                + " f.description, f.source, f.sheet, f.row_number, f.check_name, f.item_line, f.outcome,"
                + " f.reason_code from record_template t join rule_firing f on f.evaluation_id = t.evaluation_id"
                + " and f.evaluated_at = t.evaluated_at where f.sequence <= " + FIRINGS_PER_EVALUATION);
        s.execute("analyze record_template");
        s.execute("analyze record_template_firing");
        long templates = count(s, "select count(*) from record_template");
        if (templates == 0) {
            throw new IllegalStateException("No stored evaluation to copy: the run before stored none");
        }
        record.put("templates", templates);
        try (ResultSet rs = s.executeQuery("select avg(pg_column_size(facts)), avg(pg_column_size(results)),"
                + " avg(length(facts::text)), avg(length(results::text)) from record_template")) {
            rs.next();
            record.put("factsBytesStored", Math.round(rs.getDouble(1)));
            record.put("resultsBytesStored", Math.round(rs.getDouble(2)));
            record.put("factsBytesText", Math.round(rs.getDouble(3)));
            record.put("resultsBytesText", Math.round(rs.getDouble(4)));
        }
        System.out.printf("  %,d stored evaluations to copy: facts %,d B and results %,d B as stored (%,d and %,d B of"
                + " JSON)%n", templates, record.get("factsBytesStored").asLong(),
                record.get("resultsBytesStored").asLong(), record.get("factsBytesText").asLong(),
                record.get("resultsBytesText").asLong());
        return templates;
    }

    /** Where the generated rows' keys start, and when row n was made. */
    private record Keys(long customer, long order, long orderNumber, long evaluation, long customers, long templates,
            Instant from, long step) {

        /** Row n's order was created at this instant; its evaluation is 40 ms later (as in one TMF622 request). */
        String createdAt() {
            return "(timestamptz '" + from + "' + (n * " + step + ") * interval '1 microsecond')";
        }

        String evaluatedAt() {
            return "(" + createdAt() + " + interval '40 milliseconds')";
        }

        /** The service's order number (ORD-2026-000123), from a block of its sequence. */
        String orderNumber(int year) {
            String number = "(" + orderNumber + " + n)::text";
            return "'ORD-" + year + "-' || lpad(" + number + ", greatest(6, length(" + number + ")), '0')";
        }

        /** Customer c of order n: each customer's orders spread over the year. */
        String customerNumber() {
            return "(10000000 + n % " + customers + ")::text";
        }

        /** The first row made at or after {@code at}. */
        long firstAt(Instant at, long rows) {
            long micros = ChronoUnit.MICROS.between(from, at);
            return Math.max(0, Math.min(rows, (micros + step - 1) / step));
        }
    }

    /** DNI 10000000 and up: no demo customer and no customer of the benchmark's bodies (6xxxxxxx) has one. */
    private static String customers(Keys keys) {
        return "insert into customer (id, document_type, document_number, name, email, phone, segment, customer_since,"
                + " credit_score, overdue_debt, created_at) select " + keys.customer() + " + c, 'DNI',"
                + " (10000000 + c)::text, 'Cliente Registro ' || c, 'registro' || c || '@example.com',"
                + " '+51 987 654 321', 'RESIDENTIAL', date '2012-01-01' + (c % 4000)::int,"
                + " case when c % 7 = 0 then null else 300 + c % 700 end, 0, now()"
                + " from generate_series(0::bigint, " + (keys.customers() - 1) + "::bigint) c";
    }

    /** The old orders are done: completed (released, or held and approved since) or rejected. */
    private static String orders(Keys keys, int year) {
        return "insert into orders (id, order_number, external_id, channel, customer_id, customer_document_type,"
                + " customer_document_number, customer_name, customer_email, customer_phone, customer_segment,"
                + " service_street, service_city, service_postal_code, delivery_method, delivery_street, delivery_city,"
                + " delivery_postal_code, pickup_store_code, payment_method, accepted_terms_version, currency, state,"
                + " created_at, updated_at, version, requested_start_date, requested_completion_date)"
                + " select " + keys.order() + " + n, " + keys.orderNumber(year) + ", 'REC-' || n, t.channel, "
                + keys.customer() + " + n % " + keys.customers() + ", 'DNI', " + keys.customerNumber()
                + ", 'Cliente Registro ' || n % " + keys.customers() + ", 'registro' || n % " + keys.customers()
                + " || '@example.com', t.customer_phone, 'RESIDENTIAL', t.service_street, t.service_city,"
                + " t.service_postal_code, t.delivery_method, t.delivery_street, t.delivery_city,"
                + " t.delivery_postal_code, t.pickup_store_code, t.payment_method, t.accepted_terms_version,"
                + " t.currency, " + state() + ", " + keys.createdAt() + ", " + keys.evaluatedAt()
                + " + interval '10 milliseconds', 1, t.requested_start_date, t.requested_completion_date";
    }

    private static String items(Keys keys) {
        return "insert into order_item (order_id, line_no, product_code, product_name, kind, category, quantity,"
                + " installments, unit_price, monthly_fee, contract_months, download_mbps, financeable,"
                + " max_installments, state, channel_item_id) select " + keys.order() + " + n, 1, t.product_code,"
                + " t.product_name, t.kind, t.category, t.quantity, t.installments, t.unit_price, t.monthly_fee,"
                + " t.contract_months, t.download_mbps, t.financeable, t.max_installments, " + state() + ","
                + " t.channel_item_id";
    }

    /** Facts and results are the template's own values, stored as the service stored them (compressed alike). */
    private static String evaluations(Keys keys, int year) {
        return "insert into evaluation (id, order_id, order_number, channel, customer_document, decision,"
                + " ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros, actor, app_version,"
                + " drools_version, trace_id) select " + keys.evaluation() + " + n, " + keys.order() + " + n, "
                + keys.orderNumber(year) + ", t.channel, 'DNI:' || " + keys.customerNumber() + ", t.decision,"
                + " t.ruleset_version, t.ruleset_hash, t.facts, t.results, " + keys.evaluatedAt() + ","
                + " t.duration_micros, t.actor, t.app_version, t.drools_version, md5(n::text)";
    }

    private static String firings(Keys keys) {
        return "insert into rule_firing (evaluation_id, evaluated_at, sequence, rule_id, rule_name, description,"
                + " source, sheet, row_number, check_name, item_line, outcome, reason_code) select "
                + keys.evaluation() + " + n, " + keys.evaluatedAt() + ", f.sequence, f.rule_id, f.rule_name,"
                + " f.description, f.source, f.sheet, f.row_number, f.check_name, f.item_line, f.outcome,"
                + " f.reason_code";
    }

    private static String state() {
        return "case t.decision when 'REJECTED' then 'REJECTED' else 'COMPLETED' end";
    }

    /**
     * Drops the secondary indexes and the foreign keys of the four tables (not their primary keys and unique
     * constraints); answers the statements that make them again, indexes first. Row by row, a foreign key into the
     * partitioned evaluation table costs more than the insert itself.
     */
    private static List<String> dropIndexesAndForeignKeys(Statement s) throws Exception {
        List<String> indexes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String[]> foreign = rows(s, "select conrelid::regclass::text, quote_ident(conname),"
                + " pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and conparentid = 0"
                + " and conrelid in " + TABLES + " order by conrelid, conname");
        for (String[] key : foreign) {
            s.execute("alter table " + key[0] + " drop constraint " + key[1]);
            keys.add("alter table " + key[0] + " add constraint " + key[1] + " " + key[2]);
        }
        List<String[]> secondary = rows(s, "select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                + " from pg_index i where i.indrelid in " + TABLES + " and not exists (select 1 from pg_constraint c"
                + " where c.conrelid = i.indrelid and c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))"
                + " order by i.indrelid, i.indexrelid");
        for (String[] index : secondary) {
            s.execute("drop index " + index[0]);
            // a partitioned table's index is defined "on only" the parent; made again, it must reach every partition
            indexes.add(index[1].replace(" ON ONLY ", " ON "));
        }
        System.out.printf("  dropped %d secondary indexes and %d foreign keys for the load%n", indexes.size(),
                keys.size());
        indexes.addAll(keys);
        return indexes;
    }

    /** The first of {@code count} values of the sequence, which continues after them. */
    private static long reserve(Statement s, String sequence, long count) throws Exception {
        long first = count(s, "select nextval(" + sequence + ")");
        s.execute("select setval(" + sequence + ", " + (first + count - 1) + ")");
        return first;
    }

    private static List<String[]> rows(Statement s, String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void log(String when, Load.Stats s) {
        System.out.printf("  %-7s %-20s %3d clients  %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  failed %d%s%n", when,
                s.scenario(), s.clients(), s.perSecond(), s.p50(), s.p99(), s.failed(),
                s.errors().isEmpty() ? "" : "  e.g. " + s.errors().get(0));
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
