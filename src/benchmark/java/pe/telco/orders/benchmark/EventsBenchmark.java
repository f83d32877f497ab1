package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What events cost and how soon they reach Kafka (issue 16), on two copies of the same service started by run.sh:
 * one with events on and publishing to a real Kafka broker, one with {@code orders.events.enabled=false}.
 *
 * <p>Cost: create + evaluate at 8 clients on each, in alternating rounds (on, off, on, off...) so that a machine
 * whose speed drifts during the run treats both alike; the figure is the total orders over the total measured time
 * of each. Lag: the events-on service at a fixed rate (open loop), while a consumer in this JVM reads every topic of
 * the service; an event's lag is from its {@code eventTime} (when the change was made, inside the transaction that
 * commits it, so slightly before the commit) to when the consumer has it — an upper bound of commit-to-Kafka.
 *
 * <p>Usage: {@code <events-on-url> <events-off-url> <kafka-bootstrap> <topic-prefix> <out.json>}.
 */
public final class EventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;

    private final Target on;
    private final Target off;
    private final OrderBodies bodies = new OrderBodies();
    private final double warmup = setting("BENCH_WARMUP_SECONDS", 5);
    private final double seconds = setting("BENCH_SECONDS", 15);
    private final int rounds = (int) setting("BENCH_EVENTS_ROUNDS", 3);
    private final int rate = (int) setting("BENCH_FIXED_RATE", 200);
    private final double rateSeconds = setting("BENCH_FIXED_RATE_SECONDS", 20);

    private EventsBenchmark(Target on, Target off) {
        this.on = on;
        this.off = off;
    }

    public static void main(String[] args) throws Exception {
        EventsBenchmark benchmark = new EventsBenchmark(Target.fromEnvironment(args[0]), Target.fromEnvironment(args[1]));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cost", benchmark.cost());
        results.put("lag", benchmark.lag(args[2], args[3]));
        Path out = Path.of(args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private Map<String, Object> cost() throws Exception {
        for (Target service : List.of(on, off)) {
            awaitAnswer(service);
            Load.closed("warm-up", CLIENTS, 0, warmup, Long.MAX_VALUE,
                    () -> service.createAndEvaluate(bodies.nextOfMix()));
        }
        List<Map<String, Object>> each = new ArrayList<>();
        double[] orders = new double[2];
        double[] time = new double[2];
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", round);
            int side = 0;
            for (Target service : List.of(on, off)) {
                Load.Stats s = Load.closed("persisted, events " + (side == 0 ? "on" : "off") + ", round " + round,
                        CLIENTS, 1, seconds, Long.MAX_VALUE, () -> service.createAndEvaluate(bodies.nextOfMix()));
                log(s);
                orders[side] += s.ok();
                time[side] += s.seconds();
                failed += s.failed();
                row.put(side == 0 ? "on" : "off", s.toMap());
                side++;
            }
            each.add(row);
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("clients", CLIENTS);
        cost.put("rounds", each);
        cost.put("onPerSecond", Load.round(orders[0] / time[0], 1));
        cost.put("offPerSecond", Load.round(orders[1] / time[1], 1));
        cost.put("failed", failed);
        System.out.printf("  events on %.1f/s vs off %.1f/s = %.0f%% kept%n", orders[0] / time[0], orders[1] / time[1],
                100 * (orders[0] / time[0]) / (orders[1] / time[1]));
        return cost;
    }

    private Map<String, Object> lag(String bootstrap, String topicPrefix) throws Exception {
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        long[] lastSeen = {System.currentTimeMillis()};
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        OffsetDateTime[] from = new OffsetDateTime[1];
        Map<String, Object> result = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(Pattern.compile(Pattern.quote(topicPrefix) + ".*"));
            long deadline = System.currentTimeMillis() + 60_000;
            while (consumer.assignment().isEmpty()) { // joined the group: from here on nothing is missed
                consumer.poll(Duration.ofMillis(200));
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The benchmark's consumer got no partition of " + topicPrefix + "*");
                }
            }
            from[0] = OffsetDateTime.now();
            Thread load = new Thread(() -> {
                try {
                    Load.Stats s = Load.open("persisted at fixed rate, events to Kafka", rate, rateSeconds,
                            () -> on.createAndEvaluateAsync(bodies.nextOfMix()));
                    log(s);
                    result.put("orders", s.toMap());
                } catch (Exception e) {
                    result.put("error", String.valueOf(e));
                } finally {
                    loading.set(false);
                }
            }, "fixed-rate");
            load.start();
            // read until the load is over and nothing more came for 3 s
            while (loading.get() || System.currentTimeMillis() - lastSeen[0] < 3_000) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long received = System.currentTimeMillis();
                    lastSeen[0] = received;
                    OffsetDateTime changed = OffsetDateTime.parse(JSON.readTree(record.value()).path("eventTime")
                            .asText());
                    if (!changed.isBefore(from[0])) {
                        lags.add(received - changed.toInstant().toEpochMilli());
                    }
                }
            }
            load.join();
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        result.put("rate", rate);
        result.put("events", sorted.length);
        result.put("p50", percentile(sorted, 50));
        result.put("p99", percentile(sorted, 99));
        result.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        System.out.printf("  change to Kafka consumer at %d orders/s: %d events, p50 %d ms, p99 %d ms, max %d ms%n",
                rate, sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        return result;
    }

    private static void awaitAnswer(Target service) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            try {
                Target.expect(service.send(service.get("/q/health/ready")), 200);
                return;
            } catch (java.io.IOException | IllegalStateException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The service did not become ready within 180 s", e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
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
