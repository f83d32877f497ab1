package pe.telco.orders.benchmark;

import static pe.telco.orders.benchmark.Target.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP scenarios against a running service (started by run.sh on a throwaway embedded database), or the
 * footprint of the bare Quarkus REST application. Writes what it measured as JSON for {@link BenchmarkReport}.
 *
 * <p>Usage: {@code <mode> <baseUrl> <pid> <startedAtEpochMs> <out.json>}, the mode one of {@code service} (every
 * scenario), {@code tmf622} (TMF622 and create + evaluate only), {@code warm} (only the JIT warm-up, for run.sh's
 * wrk and PostgreSQL-alone rows) or {@code bare} (the bare Quarkus REST application's footprint).
 */
public final class ServiceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CLIENTS = {1, 8, 50};
    /** The scenario the TMF622 row compares with: create + evaluate of the household order TMF622 sends. */
    static final String HOUSEHOLD_CREATE_AND_EVALUATE = "persisted, household";

    private final Target target;
    private final OrderBodies bodies = new OrderBodies();
    private final double warmup = setting("BENCH_WARMUP_SECONDS", 5);
    private final double seconds = setting("BENCH_SECONDS", 15);
    private final long maxOperations = (long) setting("BENCH_MAX_REQUESTS", 200_000);
    private final int rate = (int) setting("BENCH_FIXED_RATE", 200);
    private final double rateSeconds = setting("BENCH_FIXED_RATE_SECONDS", 20);

    private ServiceBenchmark(Target target) {
        this.target = target;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Target target = Target.fromEnvironment(args[1]);
        long pid = Long.parseLong(args[2]);
        long startedAt = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        ServiceBenchmark benchmark = new ServiceBenchmark(target);
        Map<String, Object> results = switch (mode) {
            case "bare" -> benchmark.bare(pid, startedAt);
            case "tmf622" -> benchmark.tmf622(pid, startedAt);
            case "dryrun" -> benchmark.dryRun(pid, startedAt);
            case "warm" -> benchmark.warm(pid, startedAt);
            default -> benchmark.service(pid, startedAt);
        };
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private Map<String, Object> bare(long pid, long startedAt) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        String body = bodies.nextOfMix();
        results.put("startToFirstAnswerMs", waitFor(startedAt, () -> expect(target.send(
                target.post(Target.BARE_ECHO, body)), 200)));
        Load.Stats warm = Load.closed("bare echo (warm-up)", 8, warmup, seconds, maxOperations,
                () -> expect(target.send(target.post(Target.BARE_ECHO, body)), 200));
        log(warm);
        results.put("echo8", warm.toMap());
        results.put("memory", memory(pid));
        return results;
    }

    private Map<String, Object> service(long pid, long startedAt) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startToFirstEvaluationMs", waitFor(startedAt,
                () -> target.createAndEvaluate(bodies.nextOfMix())));
        target.stockUp();
        results.put("mix", checkMix());
        results.put("jitWarmUp", warmUp(pid).toMap());
        List<Map<String, Object>> closed = new ArrayList<>();
        for (int clients : CLIENTS) {
            closed.addAll(echoAndDryRun(clients));
            closed.add(run(Load.closed("persisted", clients, warmup, seconds, maxOperations,
                    () -> target.createAndEvaluate(bodies.nextOfMix()))));
        }
        closed.addAll(householdBothWays());
        results.put("closed", closed);
        results.put("fixedRate", run(Load.open("persisted at fixed rate", rate, rateSeconds,
                () -> target.createAndEvaluateAsync(bodies.nextOfMix()))));
        results.put("audit", auditScaling());
        results.put("activation", activationUnderLoad());
        results.put("memory", memory(pid));
        return results;
    }

    /**
     * Only the TMF622 scenario (BENCH_ONLY=tmf622) and, for comparison at the same 8 clients on the same service, the
     * back office's create + evaluate; nothing else runs, so the figures can be taken without a full run.
     */
    private Map<String, Object> tmf622(long pid, long startedAt) throws Exception {
        Map<String, Object> results = warm(pid, startedAt);
        List<Map<String, Object>> closed = new ArrayList<>();
        // the same order as in the full run: create + evaluate first, then TMF622 on the warmed service
        closed.add(run(Load.closed("persisted", 8, warmup, seconds, maxOperations,
                () -> target.createAndEvaluate(bodies.nextOfMix()))));
        closed.addAll(householdBothWays());
        results.put("closed", closed);
        return results;
    }

    /**
     * TMF622 (issue 15): the household order received and decided in one call and one transaction, and the very same
     * order through the back office's create + evaluate just before it, both at 8 clients: the mix of the other rows
     * holds and rejects most orders, which write less than a release, so only the same order compares the paths.
     */
    private List<Map<String, Object>> householdBothWays() throws Exception {
        return List.of(
                run(Load.closed(HOUSEHOLD_CREATE_AND_EVALUATE, 8, warmup, seconds, maxOperations,
                        () -> target.createAndEvaluate(bodies.household()))),
                run(Load.closed("tmf622 productOrder", 8, warmup, seconds, maxOperations,
                        () -> expect(target.send(target.post(Target.PRODUCT_ORDER, bodies.tmfHousehold())), 201))));
    }

    /**
     * Only the echo and the dry run at 1, 8 and 50 clients (BENCH_ONLY=dryrun), as the full run measures them, so
     * the dry run's share of the echo can be taken in minutes.
     */
    private Map<String, Object> dryRun(long pid, long startedAt) throws Exception {
        Map<String, Object> results = warm(pid, startedAt);
        List<Map<String, Object>> closed = new ArrayList<>();
        for (int clients : CLIENTS) {
            closed.addAll(echoAndDryRun(clients));
        }
        results.put("closed", closed);
        return results;
    }

    /** The echo, then the dry run of the same bodies, at this many clients. */
    private List<Map<String, Object>> echoAndDryRun(int clients) throws Exception {
        return List.of(
                run(Load.closed("echo", clients, warmup, seconds, maxOperations,
                        () -> expect(target.send(target.post(Target.ECHO, bodies.nextOfMix())), 200))),
                run(Load.closed("dry-run", clients, warmup, seconds, maxOperations,
                        () -> expect(target.send(target.post(Target.DRY_RUN, bodies.nextOfMix())), 200))));
    }

    /** Only the warm-up: the service is then ready for measurements taken by other tools (wrk, in run.sh). */
    private Map<String, Object> warm(long pid, long startedAt) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startToFirstEvaluationMs", waitFor(startedAt,
                () -> target.createAndEvaluate(bodies.nextOfMix())));
        target.stockUp();
        results.put("jitWarmUp", warmUp(pid).toMap());
        return results;
    }

    /** The scenarios measured on this service, a quarter of a round each, until its JIT has settled. */
    private JitWarmUp.Result warmUp(long pid) throws Exception {
        double quarter = JitWarmUp.roundSeconds() / 4;
        return JitWarmUp.until("service", pid, () -> {
            Load.closed("warm-up: echo", 50, 0, quarter, maxOperations,
                    () -> expect(target.send(target.post(Target.ECHO, bodies.nextOfMix())), 200));
            Load.closed("warm-up: dry run", 50, 0, quarter, maxOperations,
                    () -> expect(target.send(target.post(Target.DRY_RUN, bodies.nextOfMix())), 200));
            Load.closed("warm-up: persisted", 8, 0, quarter, maxOperations,
                    () -> target.createAndEvaluate(bodies.nextOfMix()));
            Load.closed("warm-up: tmf622", 8, 0, quarter, maxOperations,
                    () -> expect(target.send(target.post(Target.PRODUCT_ORDER, bodies.tmfHousehold())), 201));
        });
    }

    /** Each order kind of the mix, dry-run once: the decision it gets and how many rules fire. */
    private List<Map<String, Object>> checkMix() throws Exception {
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (OrderBodies.Kind kind : OrderBodies.MIX) {
            JsonNode answer = JSON.readTree(expect(target.send(target.post(Target.DRY_RUN, bodies.next(kind))), 200)
                    .body());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", kind.name());
            row.put("decision", answer.path("decision").asText());
            row.put("firings", answer.path("firedRules").size());
            row.put("reasons", answer.path("reasons").findValuesAsText("code"));
            kinds.add(row);
            if (!kind.name().startsWith(answer.path("decision").asText())) {
                System.out.println("WARNING: " + kind + " was decided " + answer.path("decision").asText());
            }
        }
        return kinds;
    }

    /** The same persisted run with orders firing few rules and orders firing about twenty. */
    private Map<String, Object> auditScaling() throws Exception {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("fewFirings", target.createAndEvaluate(bodies.fewFirings()));
        audit.put("manyFirings", target.createAndEvaluate(bodies.manyFirings()));
        audit.put("few", run(Load.closed("persisted, few firings", 8, warmup, seconds, maxOperations,
                () -> target.createAndEvaluate(bodies.fewFirings()))).get("stats"));
        audit.put("many", run(Load.closed("persisted, many firings", 8, warmup, seconds, maxOperations,
                () -> target.createAndEvaluate(bodies.manyFirings()))).get("stats"));
        return audit;
    }

    /**
     * A persisted run while two versions are activated in turn, each call 3 s after the previous one answered. The run
     * lasts BENCH_ACTIVATION_SECONDS (120): the full runs' 30 s never saw a switch finish (none failed either; why is
     * not established, the first call may wait for the candidate's checks), a 120 s trial saw 26. A switch counts at
     * the moment its call answered, when the new version is live; the first failed calls are kept with their message.
     * Needs the activation API (looked up in the OpenAPI document) and two stored versions to switch between
     * (BENCH_ACTIVATION_VERSIONS, e.g. "1,2").
     */
    private Map<String, Object> activationUnderLoad() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        String openapi = target.send(target.get(Target.OPENAPI)).body();
        String[] around = Target.ACTIVATION.split("%d");
        if (!openapi.contains(around[0] + "{") || !openapi.contains("}" + around[1])) {
            result.put("available", false);
            result.put("note", "not available in this build (no " + Target.ACTIVATION.replace("%d", "{version}")
                    + " in the OpenAPI document)");
            return result;
        }
        String versions = System.getenv("BENCH_ACTIVATION_VERSIONS");
        if ((versions == null || !versions.contains(",")) && System.getenv("BENCH_APPROVER_USER") != null) {
            versions = prepareSecondVersion();
        }
        if (versions == null || !versions.contains(",")) {
            result.put("available", false);
            result.put("note", "activation API present but no versions to switch between: set "
                    + "BENCH_ACTIVATION_VERSIONS=a,b (two stored, valid versions)");
            return result;
        }
        Target approver = System.getenv("BENCH_APPROVER_USER") == null ? target : target.asApprover();
        int[] switchBetween = java.util.Arrays.stream(versions.split(",")).mapToInt(v -> Integer.parseInt(v.trim()))
                .toArray();
        List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> switches = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> switchSeconds = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> switchErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failedSwitches = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread switcher = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                try {
                    Thread.sleep(3_000);
                    long called = System.nanoTime();
                    expect(approver.send(approver.post(String.format(Target.ACTIVATION,
                            switchBetween[i++ % switchBetween.length]), null)), 200, 201, 204);
                    long live = System.nanoTime();
                    switches.add(live);
                    switchSeconds.add(Load.round((live - called) / 1e9, 1));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (failedSwitches.incrementAndGet() <= 3) {
                        switchErrors.add(String.valueOf(e.getMessage()));
                    }
                }
            }
        });
        switcher.start();
        double duration = Math.max(seconds, setting("BENCH_ACTIVATION_SECONDS", 120));
        Load.Stats all = Load.closed("persisted during activations", 8, 0, duration, maxOperations, () -> {
            long began = System.nanoTime();
            target.createAndEvaluate(bodies.nextOfMix());
            samples.add(new long[] {began, System.nanoTime() - began});
        });
        running.set(false);
        switcher.interrupt();
        switcher.join();
        long window = 1_000_000_000L;
        long[] during = samples.stream().filter(s -> switches.stream().anyMatch(w -> Math.abs(s[0] - w) < window))
                .mapToLong(s -> s[1]).toArray();
        long[] steady = samples.stream().filter(s -> switches.stream().noneMatch(w -> Math.abs(s[0] - w) < window))
                .mapToLong(s -> s[1]).toArray();
        result.put("available", true);
        result.put("switches", switches.size());
        result.put("switchSeconds", List.copyOf(switchSeconds));
        result.put("failedSwitches", failedSwitches.get());
        result.put("switchErrors", List.copyOf(switchErrors));
        result.put("all", all.toMap());
        result.put("duringSwitches", Load.stats("within 1 s of a switch", 8, during, all.failed(), all.seconds(),
                List.of()).toMap());
        result.put("steady", Load.stats("steady", 8, steady, 0, all.seconds(), List.of()).toMap());
        return result;
    }

    /**
     * Uploads a second version (the active rules with a comment added to inventory.drl, so every decision stays the
     * same; DRL is a developer's upload, so the benchmark user holds RULE_DEVELOPER) and answers "new,active": the
     * switcher activates the new one, then rolls back, and so on.
     */
    private String prepareSecondVersion() throws Exception {
        JsonNode active = JSON.readTree(expect(target.send(target.get(Target.RULESETS + "/active")), 200).body());
        int activeVersion = active.path("version").asInt();
        byte[] inventory = target.client().send(target.get(Target.RULESETS + "/" + activeVersion
                + "/files/inventory.drl"), HttpResponse.BodyHandlers.ofByteArray()).body();
        byte[] changed = (new String(inventory, java.nio.charset.StandardCharsets.UTF_8)
                + "\n// benchmark: activation under load\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = expect(target.send(target.upload(Target.RULESETS, "inventory.drl", changed,
                "benchmark: a version to switch to")), 201);
        return JSON.readTree(uploaded.body()).path("version").asInt() + "," + activeVersion;
    }

    /** Polls until the call succeeds; answers milliseconds since the process was started. */
    private static long waitFor(long startedAt, Load.Operation call) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                call.run();
                return System.currentTimeMillis() - startedAt;
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("The service did not answer within 180 s", last);
    }

    private static Map<String, Object> run(Load.Stats stats) {
        log(stats);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stats", stats.toMap());
        return m;
    }

    private static void log(Load.Stats s) {
        System.out.printf("  %-32s %3d clients  %9.1f /s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  failed %d%s%n",
                s.scenario(), s.clients(), s.perSecond(), s.p50(), s.p95(), s.p99(), s.failed(),
                s.errors().isEmpty() ? "" : "  e.g. " + s.errors().get(0));
    }

    /** VmRSS and VmHWM of the process, in MiB. */
    private static Map<String, Object> memory(long pid) throws Exception {
        Map<String, Object> memory = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] parts = line.split("\\s+");
                memory.put(parts[0].replace(":", ""), Long.parseLong(parts[1]) / 1024);
            }
        }
        return memory;
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
