package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a shadow run costs the channels (issue 19): create + evaluate at 8 clients on the persisted path, in
 * alternating rounds with no shadow and with a candidate in shadow (the credit table with a higher low-score
 * threshold, uploaded by a business user and put in shadow by an approver), so a machine whose speed drifts treats
 * both alike. The candidate decides live evaluations after they commit, capped by {@code orders.rules.shadow.max-rate}.
 *
 * <p>Usage: {@code <service-url> <service-pid> <out.json>}; BENCH_AUTHOR_USER / BENCH_AUTHOR_PASSWORD name a
 * RULE_AUTHOR only.
 */
public final class ShadowBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;

    private final Target channel;
    private final Target approver;
    private final Target author;
    private final long pid;
    private final OrderBodies bodies = new OrderBodies();
    private final double seconds = setting("BENCH_SECONDS", 15);
    private final int rounds = (int) setting("BENCH_SHADOW_ROUNDS", 3);

    private ShadowBenchmark(String url, long pid) {
        this.pid = pid;
        channel = Target.fromEnvironment(url);
        approver = channel.asApprover();
        author = new Target(url, System.getenv("BENCH_AUTHOR_USER"), System.getenv("BENCH_AUTHOR_PASSWORD"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = new ShadowBenchmark(args[0], Long.parseLong(args[1])).run();
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }

    private Map<String, Object> run() throws Exception {
        awaitReady();
        channel.stockUp();
        int candidate = uploadCandidate();
        Map<String, Object> warmUp = JitWarmUp.onTheMix("shadow", pid, channel, bodies, CLIENTS, false).toMap();
        List<Map<String, Object>> each = new ArrayList<>();
        List<Load.Stats> off = new ArrayList<>();
        List<Load.Stats> on = new ArrayList<>();
        Map<String, Long> shadowCounts = new LinkedHashMap<>(Map.of("compared", 0L, "decisionsChanged", 0L,
                "failed", 0L, "skipped", 0L));
        for (int round = 1; round <= rounds; round++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", round);
            Load.Stats without = Load.closed("persisted, shadow off, round " + round, CLIENTS, 1, seconds,
                    Long.MAX_VALUE, () -> channel.createAndEvaluate(bodies.nextOfMix()));
            log(without);
            off.add(without);
            row.put("off", without.toMap());
            long run = JSON.readTree(Target.expect(approver.send(approver.post("/api/rulesets/" + candidate
                    + "/shadow", "{\"comment\":\"benchmark\"}")), 201).body()).path("id").asLong();
            awaitShadowWorking(run);
            Load.Stats with = Load.closed("persisted, shadow on, round " + round, CLIENTS, 1, seconds,
                    Long.MAX_VALUE, () -> channel.createAndEvaluate(bodies.nextOfMix()));
            log(with);
            on.add(with);
            row.put("on", with.toMap());
            awaitShadowDone(run, without.ok() + with.ok());
            JsonNode ended = JSON.readTree(Target.expect(approver.send(approver.post("/api/rulesets/shadows/" + run
                    + "/end", "{\"comment\":\"benchmark round over\"}")), 200).body());
            shadowCounts.replaceAll((k, v) -> v + ended.path(k).asLong());
            row.put("shadow", Map.of("compared", ended.path("compared").asLong(), "skipped",
                    ended.path("skipped").asLong(), "decisionsChanged", ended.path("decisionsChanged").asLong()));
            each.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", CLIENTS);
        result.put("candidateVersion", candidate);
        result.put("jitWarmUp", warmUp);
        result.put("rounds", each);
        result.put("off", summary(off));
        result.put("on", summary(on));
        result.put("shadow", shadowCounts);
        double p50 = (double) summary(on).get("p50") / (double) summary(off).get("p50");
        double p99 = (double) summary(on).get("p99") / (double) summary(off).get("p99");
        double rate = (double) summary(on).get("perSecond") / (double) summary(off).get("perSecond");
        System.out.printf("  shadow on vs off: p50 %.0f%%, p99 %.0f%%, throughput %.0f%%; the shadow compared %d live"
                + " evaluations, skipped %d (rate cap or full queue), %d decisions would change%n", 100 * p50,
                100 * p99, 100 * rate, shadowCounts.get("compared"), shadowCounts.get("skipped"),
                shadowCounts.get("decisionsChanged"));
        return result;
    }

    /**
     * Measures the shadow at work, not starting: its sandbox (a JVM compiling two versions) takes seconds to start, so
     * single orders go through until the run has compared one.
     */
    private void awaitShadowWorking(long run) throws Exception {
        long deadline = System.currentTimeMillis() + 600_000;
        while (counted(run).path("compared").asLong() == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Shadow run " + run + " compared nothing within 600 s");
            }
            channel.createAndEvaluate(bodies.nextOfMix());
            Thread.sleep(1_000);
        }
    }

    /** Lets the shadow work off its queue (at most a minute) so the run's counts cover the round. */
    private void awaitShadowDone(long run, long orders) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        long last = -1;
        while (System.currentTimeMillis() < deadline) {
            JsonNode r = counted(run);
            long seen = r.path("compared").asLong() + r.path("skipped").asLong() + r.path("failed").asLong();
            if (seen == last) {
                return; // nothing moved for a second: the queue is empty
            }
            last = seen;
            Thread.sleep(1_000);
        }
    }

    private JsonNode counted(long run) throws Exception {
        return JSON.readTree(Target.expect(approver.send(approver.get("/api/rulesets/shadows/" + run)), 200).body());
    }

    /** Throughput over all rounds of a side; p50 and p99 as the mean of its rounds'. */
    private static Map<String, Object> summary(List<Load.Stats> rounds) {
        double ok = rounds.stream().mapToDouble(Load.Stats::ok).sum();
        double time = rounds.stream().mapToDouble(Load.Stats::seconds).sum();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("perSecond", Load.round(ok / time, 1));
        s.put("p50", Load.round(rounds.stream().mapToDouble(Load.Stats::p50).average().orElse(0), 2));
        s.put("p99", Load.round(rounds.stream().mapToDouble(Load.Stats::p99).average().orElse(0), 2));
        s.put("failed", rounds.stream().mapToLong(Load.Stats::failed).sum());
        return s;
    }

    /** The active credit table with CREDIT-030's "Puntaje hasta" at 499, uploaded as a business user. */
    private int uploadCandidate() throws Exception {
        int active = JSON.readTree(Target.expect(author.send(author.get("/api/rulesets/active")), 200).body())
                .path("version").asInt();
        byte[] credit = author.client().send(author.get("/api/rulesets/" + active + "/files/credit.drl.xlsx"),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(credit));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell rule = find(sheet, "CREDIT-030");
            Cell header = find(sheet, "Puntaje hasta");
            sheet.getRow(rule.getRowIndex()).getCell(header.getColumnIndex()).setCellValue(499);
            workbook.write(out);
            edited = out.toByteArray();
        }
        return JSON.readTree(Target.expect(author.send(author.upload("/api/rulesets", "credit.drl.xlsx", edited,
                "benchmark: shadow candidate")), 201).body()).path("version").asInt();
    }

    private static Cell find(Sheet sheet, String start) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(start)) {
                    return cell;
                }
            }
        }
        throw new IllegalStateException("No cell starting with " + start + " in " + sheet.getSheetName());
    }

    private void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 600_000; // a busy machine starts slowly
        while (true) {
            try {
                Target.expect(channel.send(channel.get("/q/health/ready")), 200);
                return;
            } catch (java.io.IOException | IllegalStateException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The service did not become ready within 600 s", e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void log(Load.Stats s) {
        System.out.printf("  %-40s %3d clients  %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  failed %d%n", s.scenario(),
                s.clients(), s.perSecond(), s.p50(), s.p99(), s.failed());
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
