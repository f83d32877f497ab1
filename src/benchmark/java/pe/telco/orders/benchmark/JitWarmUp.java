package pe.telco.orders.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a freshly started service until its JIT has caught up, before anything is measured on it. Under load on two
 * cores a new service keeps compiling for five minutes or so and runs two to three times as fast once it is done: a
 * figure taken before that measures the compiler sharing the cores, not the service.
 *
 * <p>Rounds of the caller's load, not kept, until the JIT compiled for less than {@value #SETTLED} of a round's time
 * (the compilers' total time from {@code jcmd <pid> PerfCounter.print}), two rounds at least, and no longer than
 * BENCH_JIT_WARMUP_SECONDS (480) in all. BENCH_JIT_WARMUP=off runs one round and checks nothing (quick trial runs).
 */
final class JitWarmUp {

    /** The JIT has caught up when it compiled for less than this share of a round's time. */
    static final double SETTLED = 0.03;
    private static final int MIN_ROUNDS = 2;

    /** How a warm-up went: each round's compile share, how long it took, whether the JIT settled in time. */
    record Result(String service, List<Double> shares, double seconds, boolean settled, boolean checked) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", service);
            m.put("checked", checked);
            m.put("compileShares", shares);
            m.put("seconds", Load.round(seconds, 1));
            m.put("settled", settled);
            return m;
        }
    }

    private JitWarmUp() {
    }

    /** Seconds of load in one warm-up round (BENCH_JIT_ROUND_SECONDS, 20); stages split it over their scenarios. */
    static double roundSeconds() {
        return setting("BENCH_JIT_ROUND_SECONDS", 20);
    }

    /** Rounds of {@code round} against the service in process {@code pid} until its JIT has settled. */
    static Result until(String service, long pid, Load.Operation round) throws Exception {
        long began = System.nanoTime();
        List<Double> shares = new ArrayList<>();
        if ("off".equals(System.getenv("BENCH_JIT_WARMUP"))) {
            round.run();
            System.out.printf("  %s warmed with one round (BENCH_JIT_WARMUP=off)%n", service);
            return new Result(service, shares, (System.nanoTime() - began) / 1e9, false, false);
        }
        double budget = setting("BENCH_JIT_WARMUP_SECONDS", 480);
        boolean settled = false;
        while (!settled && (System.nanoTime() - began) / 1e9 < budget) {
            long compiled = compileNanos(pid);
            long roundBegan = System.nanoTime();
            round.run();
            double share = (compileNanos(pid) - compiled) / (double) (System.nanoTime() - roundBegan);
            shares.add(Load.round(share, 3));
            settled = shares.size() >= MIN_ROUNDS && share < SETTLED;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("  %s warmed in %.0f s: the JIT compiled for %s of each round%s%n", service, seconds,
                shares.stream().map(s -> String.format("%.0f%%", 100 * s)).toList(),
                settled ? "" : " (not settled within BENCH_JIT_WARMUP_SECONDS)");
        return new Result(service, shares, seconds, settled, true);
    }

    /**
     * A copy made ready to measure: ready, stocked ({@link Target#stockUp()}), then {@link #onTheMix warmed on the
     * mix}.
     */
    static Result readyToMeasure(String service, long pid, Target target, OrderBodies bodies, int clients,
            boolean dryRunsToo) throws Exception {
        target.awaitReady();
        target.stockUp();
        return onTheMix(service, pid, target, bodies, clients, dryRunsToo);
    }

    /** Rounds of create + evaluate (the mix) from {@code clients} clients, plus as long of dry runs if asked. */
    static Result onTheMix(String service, long pid, Target target, OrderBodies bodies, int clients,
            boolean dryRunsToo) throws Exception {
        double seconds = dryRunsToo ? roundSeconds() / 2 : roundSeconds();
        return until(service, pid, () -> {
            Load.closed("warm-up: persisted", clients, 0, seconds, Long.MAX_VALUE,
                    () -> target.createAndEvaluate(bodies.nextOfMix()));
            if (dryRunsToo) {
                Load.closed("warm-up: dry run", clients, 0, seconds, Long.MAX_VALUE,
                        () -> Target.expect(target.send(target.post(Target.DRY_RUN, bodies.nextOfMix())), 200));
            }
        });
    }

    /** The time the process's JIT compilers spent so far. */
    static long compileNanos(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "PerfCounter.print").redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " PerfCounter.print failed: " + output);
        }
        return (long) (counter(output, "java.ci.totalTime") * 1e9 / counter(output, "sun.os.hrt.frequency"));
    }

    private static double counter(String counters, String name) {
        return counters.lines().filter(line -> line.startsWith(name + "=")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .orElseThrow(() -> new IllegalStateException("No counter " + name));
    }

    private static double setting(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
