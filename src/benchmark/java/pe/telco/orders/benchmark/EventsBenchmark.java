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
 * What events cost and how soon they reach Kafka (issue 16), on three copies of the same service started by run.sh:
 * events on and published to a real Kafka broker as well as the TMF622 hub; events on with the hub only (the
 * zero-setup default); and {@code orders.events.enabled=false}.
 *
 * <p>Cost: create + evaluate at 8 clients on each, in rotating rounds (kafka, hub, off, kafka...) so that a machine
 * whose speed drifts during the run treats all alike; the figure is the total orders over the total measured time of
 * each. Lag: the Kafka copy at a fixed rate (open loop), while a consumer in this JVM reads every topic of the
 * service; an event's lag is from its {@code eventTime} (when the change was made, inside the transaction that commits
 * it, so slightly before the commit) to when the consumer has it — an upper bound of commit-to-Kafka. The goal's rate
 * means nothing above what the machine can take, so the lag is also measured at 60% of the Kafka copy's measured
 * capacity, and the capacity is reported beside it.
 *
 * <p>Usage: {@code <kafka-url> <kafka-pid> <hub-url> <hub-pid> <off-url> <off-pid> <kafka-bootstrap> <topic-prefix>
 * <out.json>}.
 */
public final class EventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;

    private static final List<String> SIDES = List.of("kafka", "hub", "off");

    private final Map<String, Target> services = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final OrderBodies bodies = new OrderBodies();
    private final double seconds = setting("BENCH_SECONDS", 15);
    private final int rounds = (int) setting("BENCH_EVENTS_ROUNDS", 3);
    private final int rate = (int) setting("BENCH_FIXED_RATE", 200);
    private final double rateSeconds = setting("BENCH_FIXED_RATE_SECONDS", 20);

    /** {@code urlsAndPids}: each side's URL and process id in turn. */
    private EventsBenchmark(String... urlsAndPids) {
        for (int i = 0; i < SIDES.size(); i++) {
            services.put(SIDES.get(i), Target.fromEnvironment(urlsAndPids[2 * i]));
            pids.put(SIDES.get(i), Long.parseLong(urlsAndPids[2 * i + 1]));
        }
    }

    public static void main(String[] args) throws Exception {
        EventsBenchmark benchmark = new EventsBenchmark(args[0], args[1], args[2], args[3], args[4], args[5]);
        String bootstrap = args[6];
        String topicPrefix = args[7];
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> cost = benchmark.cost();
        results.put("cost", cost);
        @SuppressWarnings("unchecked")
        double capacity = ((Map<String, Double>) cost.get("perSecond")).get("kafka");
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("capacity", capacity);
        // within capacity first: a goal rate above capacity leaves orders in flight and events queued for a while
        lag.put("withinCapacity", benchmark.lag(bootstrap, topicPrefix, Math.max(1, (int) (0.6 * capacity))));
        lag.put("goalRate", benchmark.lag(bootstrap, topicPrefix, benchmark.rate));
        results.put("lag", lag);
        Path out = Path.of(args[8]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private Map<String, Object> cost() throws Exception {
        List<Map<String, Object>> warmUps = new ArrayList<>();
        for (Map.Entry<String, Target> side : services.entrySet()) {
            warmUps.add(JitWarmUp.readyToMeasure("events " + side.getKey(), pids.get(side.getKey()), side.getValue(),
                    bodies, CLIENTS, false).toMap());
        }
        List<Map<String, Object>> each = new ArrayList<>();
        Map<String, double[]> totals = new LinkedHashMap<>(); // side -> {orders, seconds}
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", round);
            for (Map.Entry<String, Target> side : services.entrySet()) {
                Target service = side.getValue();
                Load.Stats s = Load.closed("persisted, events " + side.getKey() + ", round " + round, CLIENTS, 1,
                        seconds, Long.MAX_VALUE, () -> service.createAndEvaluate(bodies.nextOfMix()));
                log(s);
                double[] total = totals.computeIfAbsent(side.getKey(), k -> new double[2]);
                total[0] += s.ok();
                total[1] += s.seconds();
                failed += s.failed();
                row.put(side.getKey(), s.toMap());
            }
            each.add(row);
        }
        Map<String, Double> perSecond = new LinkedHashMap<>();
        totals.forEach((side, total) -> perSecond.put(side, Load.round(total[0] / total[1], 1)));
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("clients", CLIENTS);
        cost.put("jitWarmUps", warmUps);
        cost.put("rounds", each);
        cost.put("perSecond", perSecond);
        cost.put("failed", failed);
        System.out.printf("  events to the hub %.1f/s, to the hub and Kafka %.1f/s, off %.1f/s: %.0f%% and %.0f%% kept%n",
                perSecond.get("hub"), perSecond.get("kafka"), perSecond.get("off"),
                100 * perSecond.get("hub") / perSecond.get("off"), 100 * perSecond.get("kafka") / perSecond.get("off"));
        return cost;
    }

    private Map<String, Object> lag(String bootstrap, String topicPrefix, int rate) throws Exception {
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
                    Load.Stats s = Load.open("persisted at " + rate + "/s, events to Kafka", rate, rateSeconds,
                            () -> services.get("kafka").createAndEvaluateAsync(bodies.nextOfMix()));
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
