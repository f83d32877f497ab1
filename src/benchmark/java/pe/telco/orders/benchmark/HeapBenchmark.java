package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's footprint (issue 17): two copies of the same jar started by run.sh, one with a 256 MB heap and one
 * with 1 GB, loaded in rotating rounds (persisted create + evaluate, then dry run, at 8 clients each) so that both see
 * the same machine; then, for each, the resident set and the live set after a full collection ({@code jcmd GC.run},
 * then the heap's used bytes from {@code GC.heap_info}).
 *
 * <p>Usage: {@code <url-256m> <pid-256m> <url-1g> <pid-1g> <out.json>}.
 */
public final class HeapBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        Map<String, Target> copies = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        copies.put("256m", Target.fromEnvironment(args[0]));
        pids.put("256m", Long.parseLong(args[1]));
        copies.put("1g", Target.fromEnvironment(args[2]));
        pids.put("1g", Long.parseLong(args[3]));
        double seconds = setting("BENCH_SECONDS", 15);
        int rounds = (int) setting("BENCH_HEAP_ROUNDS", 2);
        OrderBodies bodies = new OrderBodies();

        List<Map<String, Object>> warmUps = new ArrayList<>();
        for (Map.Entry<String, Target> copy : copies.entrySet()) {
            warmUps.add(JitWarmUp.readyToMeasure("heap " + copy.getKey(), pids.get(copy.getKey()), copy.getValue(),
                    bodies, CLIENTS, true).toMap());
        }
        Map<String, double[]> totals = new LinkedHashMap<>(); // heap -> {persisted, persisted s, dry, dry s}
        List<Map<String, Object>> each = new ArrayList<>();
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Target> copy : copies.entrySet()) {
                Target target = copy.getValue();
                Load.Stats persisted = Load.closed("persisted, heap " + copy.getKey() + ", round " + round, CLIENTS,
                        1, seconds, Long.MAX_VALUE, () -> target.createAndEvaluate(bodies.nextOfMix()));
                Load.Stats dryRun = Load.closed("dry run, heap " + copy.getKey() + ", round " + round, CLIENTS, 1,
                        seconds, Long.MAX_VALUE, () -> Target.expect(target.send(target.post(Target.DRY_RUN,
                                bodies.nextOfMix())), 200));
                log(persisted);
                log(dryRun);
                double[] total = totals.computeIfAbsent(copy.getKey(), k -> new double[4]);
                total[0] += persisted.ok();
                total[1] += persisted.seconds();
                total[2] += dryRun.ok();
                total[3] += dryRun.seconds();
                failed += persisted.failed() + dryRun.failed();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("round", round);
                row.put("heap", copy.getKey());
                row.put("persisted", persisted.toMap());
                row.put("dryRun", dryRun.toMap());
                each.add(row);
            }
        }
        Map<String, Object> heaps = new LinkedHashMap<>();
        for (String heap : copies.keySet()) {
            double[] total = totals.get(heap);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("persistedPerSecond", Load.round(total[0] / total[1], 1));
            figures.put("dryRunPerSecond", Load.round(total[2] / total[3], 1));
            figures.put("rssMiB", rssMiB(pids.get(heap)));
            figures.put("liveSetMiB", liveSetMiB(pids.get(heap)));
            heaps.put(heap, figures);
            System.out.printf("  heap %-4s persisted %.1f/s, dry run %.1f/s, RSS %.0f MiB, live set after full GC "
                    + "%.0f MiB%n", heap, figures.get("persistedPerSecond"), figures.get("dryRunPerSecond"),
                    figures.get("rssMiB"), figures.get("liveSetMiB"));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("clients", CLIENTS);
        results.put("jitWarmUps", warmUps);
        results.put("rounds", each);
        results.put("heaps", heaps);
        results.put("failed", failed);
        Path out = Path.of(args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private static double rssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Load.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0, 1);
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** The heap in use right after a full collection: what the service keeps alive. */
    private static double liveSetMiB(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of " + pid + " names no used size");
        }
        return Load.round(Long.parseLong(used.group(1)) / 1024.0, 1);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
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
