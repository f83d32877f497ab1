package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persisted orders/s with one service process against two on the same PostgreSQL (issue 18), both started by run.sh
 * on this machine: the second process uses the first one's embedded database. The same clients either all go to the
 * first process, or take turns between the two (round robin, as a load balancer would spread them); in alternating
 * rounds, so a machine whose speed drifts treats both alike. While the first process serves alone the second runs
 * idle (its sealer, relay and checks keep going, as they would behind a balancer).
 *
 * <p>Usage: {@code <first-url> <first-pid> <second-url> <second-pid> <out.json>}.
 */
public final class TwoInstancesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target first;
    private final long firstPid;
    private final Target second;
    private final long secondPid;
    private final OrderBodies bodies = new OrderBodies();
    private final int clients = (int) setting("BENCH_TWOPROC_CLIENTS", 8);
    private final double seconds = setting("BENCH_SECONDS", 15);
    private final int rounds = (int) setting("BENCH_TWOPROC_ROUNDS", 3);

    private TwoInstancesBenchmark(Target first, long firstPid, Target second, long secondPid) {
        this.first = first;
        this.firstPid = firstPid;
        this.second = second;
        this.secondPid = secondPid;
    }

    public static void main(String[] args) throws Exception {
        TwoInstancesBenchmark benchmark = new TwoInstancesBenchmark(Target.fromEnvironment(args[0]),
                Long.parseLong(args[1]), Target.fromEnvironment(args[2]), Long.parseLong(args[3]));
        Map<String, Object> results = benchmark.compare();
        Path out = Path.of(args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private Map<String, Object> compare() throws Exception {
        first.stockUp(); // the second process uses the first one's database
        List<Map<String, Object>> warmUps = List.of(
                JitWarmUp.onTheMix("first process", firstPid, first, bodies, clients, false).toMap(),
                JitWarmUp.onTheMix("second process", secondPid, second, bodies, clients, false).toMap());
        AtomicLong turn = new AtomicLong();
        List<Map<String, Object>> each = new ArrayList<>();
        double[] orders = new double[2];
        double[] time = new double[2];
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            Load.Stats one = Load.closed("persisted, one process, round " + round, clients, 1, seconds,
                    Long.MAX_VALUE, () -> first.createAndEvaluate(bodies.nextOfMix()));
            Load.Stats two = Load.closed("persisted, two processes, round " + round, clients, 1, seconds,
                    Long.MAX_VALUE, () -> (turn.getAndIncrement() % 2 == 0 ? first : second)
                            .createAndEvaluate(bodies.nextOfMix()));
            int side = 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", round);
            for (Load.Stats s : List.of(one, two)) {
                log(s);
                orders[side] += s.ok();
                time[side] += s.seconds();
                failed += s.failed();
                row.put(side == 0 ? "one" : "two", s.toMap());
                side++;
            }
            each.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("jitWarmUps", warmUps);
        result.put("rounds", each);
        result.put("onePerSecond", Load.round(orders[0] / time[0], 1));
        result.put("twoPerSecond", Load.round(orders[1] / time[1], 1));
        result.put("ratio", Load.round((orders[1] / time[1]) / (orders[0] / time[0]), 3));
        result.put("failed", failed);
        System.out.printf("  two processes %.1f/s vs one %.1f/s = %.2f×%n", orders[1] / time[1], orders[0] / time[0],
                (orders[1] / time[1]) / (orders[0] / time[0]));
        return result;
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
