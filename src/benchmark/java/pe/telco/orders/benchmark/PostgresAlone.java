package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pe.telco.orders.database.DatabaseCredentials;

/**
 * "PostgreSQL alone" (issue 17): what the service's own embedded PostgreSQL commits when it is given exactly the rows
 * one persisted TMF622 order writes, in one statement (one round trip, one commit), so the service's persisted
 * throughput can be read as a share of it.
 *
 * <p>{@code first <base URL> <path> <body.json> <externalId>}: waits for the service to answer and stores one order, the
 * body with its first externalId replaced, before any load (it creates the body's customer).
 *
 * <p>{@code prepare <postgres data dir> <externalId prefix> <out dir>}: connects as the application role (password from
 * the data directory's credentials file, port from {@code postmaster.pid}), reads one order the service stored (the
 * newest whose external id starts with the prefix) with every row that carries its id, builds one data-modifying
 * statement that writes the same rows with the same column values (fresh keys, order number, external id and event
 * ids; timestamps at the same offsets from now()), executes it once and compares what it wrote with the template
 * column by column. Writes {@code pgalone.sql} (the statement as a pgbench script) and {@code pgalone.json} (rows and
 * bytes per table, template and copy, and the check); fails if the copy differs.
 *
 * <p>{@code jdbc <postgres data dir> <out dir> <clients>...}: when pgbench cannot be had, the same statement in a
 * closed loop from this JVM (simple query protocol, autocommit, one connection per client), written to
 * {@code pgalone-jdbc.json}.
 *
 * <p>{@code collect <out dir>}: wrk's JSON lines ({@code wrk-<scenario>-<clients>.txt}) and pgbench's per-transaction
 * logs ({@code pgbench-<clients>/}, and {@code pgbench-rate/} at the fixed rate) or the JDBC loop's figures into
 * {@code pg.json}, printed as figures.
 */
public final class PostgresAlone {

    /** EmbeddedDatabase.APP and DATABASE (package-private there): the role the service itself connects as. */
    static final String APP_ROLE = "orders_app";
    static final String DATABASE = "orders";
    /** Set after the commit by the relay (publication); a freshly written row has them null. */
    private static final Set<String> AFTER_COMMIT = Set.of("outbox_event.position", "outbox_event.published_at");
    /** Written first and referenced by the rows after them; every other table with an order_id column follows. */
    private static final List<String> PARENTS = List.of("orders", "order_item", "evaluation", "rule_firing");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresAlone() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), args[2], Path.of(args[3]));
            case "jdbc" -> jdbc(Path.of(args[1]), Path.of(args[2]), java.util.Arrays.stream(args, 3, args.length)
                    .mapToInt(Integer::parseInt).toArray());
            case "collect" -> collect(Path.of(args[1]));
            case "first" -> first(args[1], args[2], Path.of(args[3]), args[4]);
            default -> throw new IllegalArgumentException("first, prepare, jdbc or collect, not " + args[0]);
        }
    }

    static Connection connect(Path dataDirectory, boolean simpleProtocol) throws Exception {
        String password = DatabaseCredentials.read(dataDirectory).app();
        int port = Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).trim());
        Properties properties = new Properties();
        properties.setProperty("user", APP_ROLE);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "benchmark: PostgreSQL alone");
        if (simpleProtocol) {
            properties.setProperty("preferQueryMode", "simple");
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, properties);
    }

    private static void first(String baseUrl, String path, Path body, String externalId) throws Exception {
        Matcher m = Pattern.compile("(\"externalId\"\\s*:\\s*\\[\\s*\\{[^}]*?\"id\"\\s*:\\s*\")[^\"]*(\")")
                .matcher(Files.readString(body));
        if (!m.find()) {
            throw new IllegalStateException("No externalId id in " + body);
        }
        String json = m.replaceFirst("$1" + Matcher.quoteReplacement(externalId) + "$2");
        Target target = Target.fromEnvironment(baseUrl);
        long began = System.currentTimeMillis();
        while (true) {
            try {
                Target.expect(target.send(target.post(path, json)), 201);
                break;
            } catch (java.io.IOException e) {
                if (System.currentTimeMillis() - began > 180_000) {
                    throw new IllegalStateException("The service did not answer within 180 s", e);
                }
                Thread.sleep(200);
            }
        }
        System.out.printf("  first order (%s) stored after waiting %d ms for the service%n", externalId,
                System.currentTimeMillis() - began);
    }

    // ---------------------------------------------------------------------------------------------- the template

    /**
     * A column as PostgreSQL declares it; {@code identity} when the table numbers it itself: an identity column, or
     * one whose default draws from a sequence (the monthly-partitioned evaluation's id, issue 18).
     */
    record Column(String name, String type, String typname, boolean identity) {
        boolean timestamp() {
            return typname.equals("timestamptz");
        }

        /** Large free-form content: JSON documents and unbounded text (event bodies). */
        boolean document() {
            return typname.equals("jsonb") || typname.equals("json") || typname.equals("text");
        }
    }

    /**
     * One stored row: each column's text (timestamps as microseconds from the order's created_at), its size
     * ({@code pg_column_size} of the whole row) and the octet length of each document column.
     */
    record Row(Map<String, String> values, long bytes, Map<String, Long> documentBytes) {
    }

    /** The rows of one table that belong to one order. */
    record Table(String name, List<Column> columns, List<Row> rows) {
        long bytes() {
            return rows.stream().mapToLong(Row::bytes).sum();
        }

        Map<String, Long> documentBytes() {
            Map<String, Long> sums = new LinkedHashMap<>();
            rows.forEach(r -> r.documentBytes().forEach((c, n) -> sums.merge(c, n, Long::sum)));
            return sums;
        }
    }

    /** Every row that carries the order's id (and the firings of its evaluation), parents first. */
    static List<Table> read(Connection db, long orderId) throws SQLException {
        List<String> tables = new ArrayList<>(PARENTS);
        try (PreparedStatement q = db.prepareStatement("select c.table_name from information_schema.columns c"
                + " join information_schema.tables t using (table_schema, table_name) where c.table_schema = 'public'"
                + " and c.column_name = 'order_id' and t.table_type = 'BASE TABLE'"
                // the monthly partitions of evaluation (issue 18) are written through their parent
                + " and not (select relispartition from pg_class"
                + " where oid = ('public.' || quote_ident(c.table_name))::regclass)"
                + " order by c.table_name");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                if (!tables.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<Table> result = new ArrayList<>();
        for (String table : tables) {
            List<Column> columns = columns(db, table);
            String where = switch (table) {
                case "orders" -> "t.id = ?";
                case "rule_firing" -> "t.evaluation_id in (select id from evaluation where order_id = ?)";
                default -> "t.order_id = ?";
            };
            String order = switch (table) {
                case "order_item" -> "t.line_no";
                case "rule_firing" -> "t.evaluation_id, t.sequence";
                case "outbox_event" -> "t.seq";
                default -> "t." + columns.get(0).name();
            };
            StringBuilder select = new StringBuilder("select pg_column_size(t.*)");
            for (Column c : columns) {
                select.append(", ").append(c.timestamp()
                        ? "round((extract(epoch from t." + c.name() + ") - extract(epoch from base.created_at)) * 1000000)::bigint::text"
                        : "t." + c.name() + "::text");
            }
            select.append(" from ").append(table).append(" t, (select created_at from orders where id = ?) base where ")
                    .append(where).append(" order by ").append(order);
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement(select.toString())) {
                q.setLong(1, orderId);
                q.setLong(2, orderId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> values = new LinkedHashMap<>();
                        Map<String, Long> documents = new LinkedHashMap<>();
                        for (int i = 0; i < columns.size(); i++) {
                            String value = rs.getString(i + 2);
                            values.put(columns.get(i).name(), value);
                            if (columns.get(i).document() && value != null) {
                                documents.put(columns.get(i).name(), (long) value.getBytes(StandardCharsets.UTF_8).length);
                            }
                        }
                        rows.add(new Row(values, rs.getLong(1), documents));
                    }
                }
            }
            result.add(new Table(table, columns, rows));
        }
        return result;
    }

    static List<Column> columns(Connection db, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod),"
                + " t.typname, a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%'"
                + " from pg_attribute a join pg_type t on t.oid = a.atttypid"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped order by a.attnum")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return columns;
    }

    // --------------------------------------------------------------------------------------------- the statement

    /** What a column of the copy is, when it is not the template's value. */
    private enum Source { OMITTED, ORDER_ID, EVALUATION_ID, ORDER_ITEM_ID, ORDER_NUMBER, EXTERNAL_ID, NEW_UUID, VALUE }

    private static Source source(String table, Column c) {
        if (c.identity() || c.typname().equals("xid8") || AFTER_COMMIT.contains(table + "." + c.name())) {
            return Source.OMITTED; // generated by the table (identity, the inserting transaction's id) or set later
        }
        if (c.typname().equals("uuid")) {
            return Source.NEW_UUID;
        }
        return switch (c.name()) {
            case "order_id" -> Source.ORDER_ID;
            case "evaluation_id" -> Source.EVALUATION_ID;
            case "order_item_id" -> Source.ORDER_ITEM_ID;
            case "order_number" -> Source.ORDER_NUMBER;
            case "external_id" -> table.equals("orders") ? Source.EXTERNAL_ID : Source.VALUE;
            default -> Source.VALUE;
        };
    }

    /**
     * One statement: a fresh order number from the service's own sequence, then one CTE per table, each inserting all
     * its rows at once (insert … select from a VALUES list), children joined to the ids their parents returned.
     */
    static String statement(List<Table> template) {
        Table orders = table(template, "orders");
        String number = orders.rows().get(0).values().get("order_number");
        Matcher m = Pattern.compile("^(.*?)(\\d+)$").matcher(number);
        if (!m.matches()) {
            throw new IllegalStateException("Order number without a trailing number: " + number);
        }
        Map<String, String> itemLines = new LinkedHashMap<>();
        table(template, "order_item").rows().forEach(r -> itemLines.put(r.values().get("id"), r.values().get("line_no")));
        long evaluations = table(template, "evaluation").rows().size();
        if (evaluations != 1) {
            throw new IllegalStateException("The template order has " + evaluations + " evaluations; expected 1");
        }
        StringBuilder sql = new StringBuilder();
        sql.append("with n as (select nextval('order_number_seq') as v),\n")
                .append("k as (select ").append(literal(m.group(1))).append(" || case when v < ")
                .append((long) Math.pow(10, m.group(2).length())).append(" then lpad(v::text, ").append(m.group(2).length())
                .append(", '0') else v::text end as order_number, 'PGA-' || v as external_id from n)");
        for (Table t : template) {
            if (t.rows().isEmpty()) {
                continue;
            }
            List<String> insertColumns = new ArrayList<>();
            List<String> selectList = new ArrayList<>();
            List<String> valueColumns = new ArrayList<>();
            boolean needsItems = false;
            for (Column c : t.columns()) {
                Source s = source(t.name(), c);
                if (s == Source.OMITTED) {
                    continue;
                }
                insertColumns.add(c.name());
                switch (s) {
                    case ORDER_ID -> selectList.add("o.id");
                    case EVALUATION_ID -> selectList.add("e.id");
                    case ORDER_ITEM_ID -> {
                        selectList.add("i.id");
                        needsItems = true;
                    }
                    case ORDER_NUMBER -> selectList.add("k.order_number");
                    case EXTERNAL_ID -> selectList.add("k.external_id");
                    case NEW_UUID -> selectList.add("gen_random_uuid()");
                    default -> {
                        selectList.add("v." + c.name());
                        valueColumns.add(c.name());
                    }
                }
            }
            List<String> tuples = new ArrayList<>();
            for (Row r : t.rows()) {
                List<String> values = new ArrayList<>();
                if (needsItems) {
                    values.add(Objects.requireNonNull(itemLines.get(r.values().get("order_item_id")),
                            "item of " + t.name()) + "::integer");
                }
                for (Column c : t.columns()) {
                    if (valueColumns.contains(c.name())) {
                        values.add(value(c, r.values().get(c.name())));
                    }
                }
                tuples.add("(" + String.join(", ", values) + ")");
            }
            List<String> aliases = new ArrayList<>(valueColumns);
            if (needsItems) {
                aliases.add(0, "item_line");
            }
            String from = "(values\n  " + String.join(",\n  ", tuples) + ") as v(" + String.join(", ", aliases) + ")"
                    + (t.name().equals("orders") ? "" : " cross join t_orders o")
                    + (selectList.contains("e.id") ? " cross join t_evaluation e" : "")
                    + (selectList.contains("k.order_number") || selectList.contains("k.external_id") ? " cross join k" : "")
                    + (needsItems ? " join t_order_item i on i.line_no = v.item_line" : "");
            String returning = switch (t.name()) {
                case "orders", "evaluation" -> " returning id";
                case "order_item" -> " returning id, line_no";
                default -> "";
            };
            sql.append(",\nt_").append(t.name()).append(" as (insert into ").append(t.name()).append(" (")
                    .append(String.join(", ", insertColumns)).append(")\nselect ").append(String.join(", ", selectList))
                    .append(" from ").append(from).append(returning).append(")");
        }
        sql.append("\nselect id from t_orders");
        return sql.toString();
    }

    private static String value(Column c, String text) {
        if (text == null) {
            return "null::" + c.type();
        }
        if (c.timestamp()) {
            return "(now() + interval '" + Long.parseLong(text) + " microseconds')";
        }
        return literal(text) + "::" + c.type();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Table table(List<Table> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No table " + name));
    }

    // ------------------------------------------------------------------------------------------------- prepare

    private static void prepare(Path dataDirectory, String prefix, Path out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (Connection db = connect(dataDirectory, true)) {
            Map<String, String> server = new LinkedHashMap<>();
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "wal_level", "standard_conforming_strings", "server_encoding")) {
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    server.put(setting, rs.getString(1));
                }
            }
            if (!server.get("fsync").equals("on") || !server.get("synchronous_commit").equals("on")
                    || !server.get("standard_conforming_strings").equals("on")) {
                throw new IllegalStateException("Expected fsync, synchronous_commit and standard_conforming_strings on: "
                        + server);
            }
            long templateId;
            try (PreparedStatement q = db.prepareStatement("select id from orders where external_id like ?"
                    + " order by id desc limit 1")) {
                q.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No stored order whose external id starts with " + prefix);
                    }
                    templateId = rs.getLong(1);
                }
            }
            List<Table> template = read(db, templateId);
            String sql = statement(template);
            if (Pattern.compile(":(client_id|scale|random_seed|default_seed)\\b").matcher(sql).find()) {
                throw new IllegalStateException("The statement contains a pgbench variable name");
            }
            long copyId;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                copyId = rs.getLong(1);
            }
            List<Table> copy = read(db, copyId);
            List<String> differences = compare(template, copy);
            long idempotency;
            try (PreparedStatement q = db.prepareStatement("select count(*) from idempotency_key where location like ?")) {
                q.setString(1, "%/" + templateId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    idempotency = rs.getLong(1);
                }
            }
            result.put("server", server);
            result.put("templateOrderId", templateId);
            result.put("templateOrderNumber", table(template, "orders").rows().get(0).values().get("order_number"));
            result.put("templateExternalId", table(template, "orders").rows().get(0).values().get("external_id"));
            result.put("copyOrderId", copyId);
            result.put("idempotencyRows", idempotency);
            result.put("statementBytes", sql.getBytes(StandardCharsets.UTF_8).length);
            result.put("tables", describe(template, copy));
            result.put("differences", differences);
            Files.writeString(out.resolve("pgalone.sql"), sql + ";\n");
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("pgalone.json").toFile(), result);
            System.out.printf("  template: order %d (%s), %s%n", templateId, result.get("templateOrderNumber"),
                    template.stream().filter(t -> !t.rows().isEmpty())
                            .map(t -> t.name() + " " + t.rows().size()).collect(Collectors.joining(", ")));
            System.out.printf("  one statement of %,d bytes wrote order %d: %s%n", result.get("statementBytes"), copyId,
                    differences.isEmpty() ? "same rows, values and sizes as the template (keys, order number, "
                            + "external id, event ids and timestamps fresh)" : differences.size() + " DIFFERENCES");
            if (idempotency > 0) {
                throw new IllegalStateException("The template order has an Idempotency-Key row; the statement does "
                        + "not write one");
            }
            if (!differences.isEmpty()) {
                differences.stream().limit(20).forEach(d -> System.out.println("    " + d));
                throw new IllegalStateException("The statement does not write what the service wrote");
            }
        }
    }

    /** Each table's rows, bytes and document bytes, template beside copy. */
    private static List<Map<String, Object>> describe(List<Table> template, List<Table> copy) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            Table t = template.get(i);
            Table c = copy.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", t.name());
            row.put("rows", t.rows().size());
            row.put("copyRows", c.rows().size());
            row.put("bytes", t.bytes());
            row.put("copyBytes", c.bytes());
            row.put("documentBytes", t.documentBytes());
            row.put("copyDocumentBytes", c.documentBytes());
            tables.add(row);
        }
        return tables;
    }

    /**
     * Every column of every row equal, except what must be fresh: generated keys, references to them (checked to
     * point at the copy's own order, evaluation and item of the same line), the order number and external id, event
     * ids (checked new), and what the relay sets after the commit. Timestamps compare as offsets from created_at.
     */
    static List<String> compare(List<Table> template, List<Table> copy) {
        List<String> differences = new ArrayList<>();
        Map<String, String> copyItemLines = new LinkedHashMap<>();
        Map<String, String> templateItemLines = new LinkedHashMap<>();
        table(template, "order_item").rows().forEach(r -> templateItemLines.put(r.values().get("id"), r.values().get("line_no")));
        table(copy, "order_item").rows().forEach(r -> copyItemLines.put(r.values().get("id"), r.values().get("line_no")));
        String copyOrder = table(copy, "orders").rows().get(0).values().get("id");
        String copyNumber = table(copy, "orders").rows().get(0).values().get("order_number");
        String copyEvaluation = table(copy, "evaluation").rows().isEmpty() ? null
                : table(copy, "evaluation").rows().get(0).values().get("id");
        for (int i = 0; i < template.size(); i++) {
            Table t = template.get(i);
            Table c = copy.get(i);
            if (t.rows().size() != c.rows().size()) {
                differences.add(t.name() + ": " + t.rows().size() + " rows in the template, " + c.rows().size()
                        + " written");
                continue;
            }
            for (int r = 0; r < t.rows().size(); r++) {
                Map<String, String> a = t.rows().get(r).values();
                Map<String, String> b = c.rows().get(r).values();
                for (Column column : t.columns()) {
                    String name = column.name();
                    String expected = switch (source(t.name(), column)) {
                        case OMITTED, EXTERNAL_ID -> null;
                        case ORDER_ID -> copyOrder;
                        case EVALUATION_ID -> copyEvaluation;
                        case ORDER_ITEM_ID -> copyItemLines.entrySet().stream()
                                .filter(e -> e.getValue().equals(templateItemLines.get(a.get(name))))
                                .map(Map.Entry::getKey).findFirst().orElse("?");
                        case ORDER_NUMBER -> copyNumber;
                        case NEW_UUID -> Objects.equals(a.get(name), b.get(name)) ? "(a new value)" : b.get(name);
                        case VALUE -> a.get(name);
                    };
                    boolean skip = source(t.name(), column) == Source.OMITTED
                            || source(t.name(), column) == Source.EXTERNAL_ID;
                    if (!skip && !Objects.equals(expected, b.get(name))) {
                        differences.add(t.name() + " row " + (r + 1) + " " + name + ": expected " + abbreviate(expected)
                                + ", written " + abbreviate(b.get(name)));
                    }
                }
            }
        }
        return differences;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    // -------------------------------------------------------------------------------------------- JDBC fallback

    private static void jdbc(Path dataDirectory, Path out, int[] clients) throws Exception {
        String sql = Files.readString(out.resolve("pgalone.sql")).trim();
        String statement = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        double warmup = setting("BENCH_WARMUP_SECONDS", 5);
        double seconds = setting("BENCH_SECONDS", 15);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int n : clients) {
            List<Connection> connections = new ArrayList<>();
            ThreadLocal<Connection> own = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = connect(dataDirectory, true);
                    synchronized (connections) {
                        connections.add(c);
                    }
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Load.Stats stats = Load.closed("PostgreSQL alone", n, warmup, seconds, Long.MAX_VALUE, () -> {
                try (Statement s = own.get().createStatement()) {
                    s.execute(statement);
                }
            });
            for (Connection c : connections) {
                c.close();
            }
            runs.add(stats.toMap());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("pgalone-jdbc.json").toFile(), runs);
    }

    // -------------------------------------------------------------------------------------------------- collect

    private static void collect(Path out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        double warmup = setting("BENCH_WARMUP_SECONDS", 5);
        double seconds = setting("BENCH_SECONDS", 15);

        Map<String, Object> wrk = new LinkedHashMap<>();
        String wrkWhy = System.getenv("BENCH_WRK_WHY");
        List<Map<String, Object>> wrkRuns = new ArrayList<>();
        if (wrkWhy == null || wrkWhy.isBlank()) {
            try (var files = Files.list(out)) {
                // in the order they ran
                for (Path file : files.filter(f -> f.getFileName().toString().matches("wrk-.+-\\d+\\.txt"))
                        .sorted(java.util.Comparator.comparing(PostgresAlone::modified)).toList()) {
                    wrkRuns.add(wrkRun(file));
                }
            }
        }
        wrk.put("available", wrkWhy == null || wrkWhy.isBlank());
        wrk.put("why", wrkWhy);
        wrk.put("version", System.getenv("BENCH_WRK_VERSION"));
        wrk.put("runs", wrkRuns);
        result.put("wrk", wrk);

        Map<String, Object> alone = new LinkedHashMap<>();
        Path statement = out.resolve("pgalone.json");
        alone.put("statement", Files.exists(statement) ? JSON.readTree(statement.toFile()) : null);
        List<Map<String, Object>> runs = new ArrayList<>();
        Path jdbc = out.resolve("pgalone-jdbc.json");
        if (Files.exists(jdbc)) {
            alone.put("generator", "JDBC loop in the benchmark JVM (pgbench not available: "
                    + System.getenv("BENCH_PGBENCH_WHY") + ")");
            for (JsonNode run : JSON.readTree(jdbc.toFile())) {
                runs.add(JSON.convertValue(run, Map.class));
            }
        } else {
            alone.put("generator", System.getenv("BENCH_PGBENCH_VERSION") + " (custom script, simple protocol)");
            try (var dirs = Files.list(out)) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("pgbench-\\d+")).sorted(
                        java.util.Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString()
                                .substring(8)))).toList()) {
                    int clients = Integer.parseInt(dir.getFileName().toString().substring("pgbench-".length()));
                    runs.add(pgbenchRun(dir, "PostgreSQL alone", clients, warmup, seconds));
                }
            }
            Path rate = out.resolve("pgbench-rate");
            if (Files.isDirectory(rate)) {
                Map<String, Object> fixed = pgbenchRun(rate, "PostgreSQL alone at a fixed rate", 8, warmup,
                        setting("BENCH_FIXED_RATE_SECONDS", 20));
                fixed.put("rate", (int) setting("BENCH_FIXED_RATE", 200));
                alone.put("fixedRate", fixed);
            }
        }
        alone.put("servicePaused", true);
        alone.put("runs", runs);
        result.put("postgresAlone", alone);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("pg.json").toFile(), result);

        System.out.println("  wrk (" + (wrkWhy == null || wrkWhy.isBlank() ? System.getenv("BENCH_WRK_VERSION")
                : "NOT RUN: " + wrkWhy) + "):");
        wrkRuns.forEach(PostgresAlone::print);
        System.out.println("  PostgreSQL alone, " + alone.get("generator") + ":");
        runs.forEach(PostgresAlone::print);
        if (alone.get("fixedRate") instanceof Map<?, ?> fixed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> run = (Map<String, Object>) fixed;
            System.out.print("  at " + run.get("rate") + "/s:");
            print(run);
        }
        double service = perSecond(wrkRuns, "tmf622 productOrder", 8);
        double limit = perSecond(runs, "PostgreSQL alone", 8);
        if (service > 0 && limit > 0) {
            System.out.printf(java.util.Locale.ROOT, "  persisted TMF622 orders/s vs PostgreSQL alone, 8 clients: "
                    + "%.1f / %.1f = %.1f%% (goal ≥ 40%%)%n", service, limit, 100 * service / limit);
        }
        double service50 = perSecond(wrkRuns, "tmf622 productOrder", 50);
        double limit50 = perSecond(runs, "PostgreSQL alone", 50);
        if (service50 > 0 && limit50 > 0) {
            System.out.printf(java.util.Locale.ROOT, "  the same at 50 clients: %.1f / %.1f = %.1f%%%n", service50,
                    limit50, 100 * service50 / limit50);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double perSecond(List<Map<String, Object>> runs, String scenario, int clients) {
        return runs.stream().filter(r -> scenario.equals(r.get("scenario"))
                && ((Number) r.get("clients")).intValue() == clients)
                .mapToDouble(r -> ((Number) r.get("perSecond")).doubleValue()).findFirst().orElse(0);
    }

    private static void print(Map<String, Object> r) {
        System.out.printf(java.util.Locale.ROOT,
                "  %-32s %3d clients  %9.1f /s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  failed %d%n",
                r.get("scenario"), ((Number) r.get("clients")).intValue(), ((Number) r.get("perSecond")).doubleValue(),
                ((Number) r.get("p50")).doubleValue(), ((Number) r.get("p95")).doubleValue(),
                ((Number) r.get("p99")).doubleValue(), ((Number) r.get("failed")).longValue());
    }

    /** wrk's output with the JSON line post.lua prints; the scenario and connections come from the file name. */
    private static Map<String, Object> wrkRun(Path file) throws Exception {
        String name = file.getFileName().toString();
        Matcher m = Pattern.compile("wrk-(.+)-(\\d+)\\.txt").matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException(name);
        }
        String line = Files.readAllLines(file).stream().filter(l -> l.startsWith("WRK-JSON ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No WRK-JSON line in " + file));
        JsonNode w = JSON.readTree(line.substring("WRK-JSON ".length()));
        JsonNode errors = w.path("socketErrors");
        long socket = errors.path("connect").asLong() + errors.path("read").asLong() + errors.path("write").asLong()
                + errors.path("timeout").asLong();
        double secondsRun = w.path("seconds").asDouble();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("scenario", switch (m.group(1)) {
            case "tmf622" -> "tmf622 productOrder";
            default -> m.group(1);
        });
        run.put("clients", Integer.parseInt(m.group(2)));
        run.put("ok", w.path("ok").asLong());
        run.put("failed", w.path("unexpectedStatus").asLong() + socket);
        run.put("seconds", secondsRun);
        run.put("perSecond", Load.round(w.path("ok").asLong() / secondsRun, 1));
        for (String p : List.of("p50", "p75", "p90", "p95", "p99", "max", "mean")) {
            run.put(p, w.path(p).asDouble());
        }
        run.put("requests", w.path("requests").asLong());
        run.put("socketErrors", errors);
        run.put("errors", w.path("example").isNull() ? List.of() : List.of(w.path("example").asText()));
        run.put("generator", "wrk");
        return run;
    }

    /**
     * pgbench's per-transaction log (-l): "client transaction latency_us script epoch_s epoch_us [schedule_lag_us]",
     * one file per thread. With --rate the latency counts from the transaction's scheduled start (pgbench's
     * processXactStats), so a wait for a free client is in it, as in the service's open loop. The same window as the
     * HTTP load: transactions begun (or scheduled) after the warm-up and within the measured seconds.
     */
    private static Map<String, Object> pgbenchRun(Path dir, String scenario, int clients, double warmup,
            double seconds) throws Exception {
        List<long[]> transactions = new ArrayList<>(); // {begin µs, end µs}
        long failed = 0;
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 6) {
                        continue;
                    }
                    long end = Long.parseLong(f[4]) * 1_000_000L + Long.parseLong(f[5]);
                    if (!f[2].matches("\\d+")) {
                        failed++;
                        continue;
                    }
                    transactions.add(new long[] {end - Long.parseLong(f[2]), end});
                }
            }
        }
        long start = transactions.stream().mapToLong(t -> t[0]).min().orElse(0);
        long from = start + (long) (warmup * 1e6);
        long until = from + (long) (seconds * 1e6);
        List<long[]> measured = transactions.stream().filter(t -> t[0] >= from && t[0] < until).toList();
        long lastEnd = measured.stream().mapToLong(t -> t[1]).max().orElse(from + 1);
        long[] nanos = measured.stream().mapToLong(t -> (t[1] - t[0]) * 1000).toArray();
        Map<String, Object> run = Load.stats(scenario, clients, nanos, failed, (lastEnd - from) / 1e6,
                List.of()).toMap();
        Path text = dir.resolveSibling(dir.getFileName() + ".txt");
        if (Files.exists(text)) {
            String output = Files.readString(text);
            Matcher tps = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)").matcher(output);
            run.put("pgbenchTps", tps.find() ? Double.parseDouble(tps.group(1)) : null);
            Matcher fails = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
            if (fails.find()) {
                run.put("failed", Math.max(failed, Long.parseLong(fails.group(1))));
            }
            if (output.contains("aborted")) {
                run.put("errors", List.of(output.lines().filter(l -> l.contains("aborted") || l.contains("ERROR"))
                        .limit(3).collect(Collectors.joining(" | "))));
            }
        }
        run.put("generator", "pgbench");
        return run;
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
