package pe.telco.orders.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on loopback. Closed loop: N virtual clients, each sending its next request when the previous one answered,
 * for a warm-up, then a measured period bounded by time and by count. Open loop: requests started at a fixed rate
 * whatever the answers, latency counted from when each was due (no coordinated omission).
 */
final class Load {

    /** One request (or chain of requests) that throws when the answer is not the expected one. */
    interface Operation {
        void run() throws Exception;
    }

    /** The same, started without waiting; the future fails when the answer is not the expected one. */
    interface AsyncOperation {
        CompletableFuture<?> start();
    }

    /** What a run measured; latencies in milliseconds. */
    record Stats(String scenario, int clients, long ok, long failed, double seconds, double perSecond, double p50,
            double p95, double p99, double max, List<String> errors) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", scenario);
            m.put("clients", clients);
            m.put("ok", ok);
            m.put("failed", failed);
            m.put("seconds", seconds);
            m.put("perSecond", perSecond);
            m.put("p50", p50);
            m.put("p95", p95);
            m.put("p99", p99);
            m.put("max", max);
            m.put("errors", errors);
            return m;
        }
    }

    private Load() {
    }

    static Stats closed(String scenario, int clients, double warmupSeconds, double seconds, long maxOperations,
            Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureUntil = measureFrom + (long) (seconds * 1e9);
        AtomicLong counted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(measureFrom);
        Map<String, Boolean> errors = new ConcurrentHashMap<>();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] samples = {new long[4096]};
            Thread thread = new Thread(() -> {
                int n = 0;
                while (true) {
                    long began = System.nanoTime();
                    if (began >= measureUntil || counted.get() >= maxOperations) {
                        break;
                    }
                    boolean measured = began >= measureFrom;
                    try {
                        operation.run();
                        long ended = System.nanoTime();
                        if (measured && counted.incrementAndGet() <= maxOperations) {
                            if (n == samples[0].length) {
                                samples[0] = Arrays.copyOf(samples[0], n * 2);
                            }
                            samples[0][n++] = ended - began;
                            lastEnd.accumulateAndGet(ended, Math::max);
                        }
                    } catch (Exception e) {
                        if (measured) {
                            failed.incrementAndGet();
                        }
                        if (errors.size() < 5) {
                            errors.put(String.valueOf(e.getMessage()), true);
                        }
                    }
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(samples[0], n));
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long total = perClient.stream().mapToLong(a -> a.length).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] part : perClient) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        double elapsed = Math.max(1e-9, (Math.min(lastEnd.get(), measureUntil + 30_000_000_000L) - measureFrom) / 1e9);
        return stats(scenario, clients, all, failed.get(), elapsed, List.copyOf(errors.keySet()));
    }

    /** Starts {@code operation} {@code rate} times a second for {@code seconds}; waits for every answer. */
    static Stats open(String scenario, int rate, double seconds, AsyncOperation operation) throws Exception {
        int count = (int) (rate * seconds);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[count];
        boolean[] ok = new boolean[count];
        Map<String, Boolean> errors = new ConcurrentHashMap<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            CompletableFuture<?> started;
            try {
                started = operation.start();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            all[i] = started.handle((result, error) -> {
                latencies[index] = System.nanoTime() - due;
                ok[index] = error == null;
                if (error != null && errors.size() < 5) {
                    errors.put(String.valueOf(error.getMessage()), true);
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
        long finished = System.nanoTime();
        long failed = 0;
        List<Long> good = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (ok[i]) {
                good.add(latencies[i]);
            } else {
                failed++;
            }
        }
        return stats(scenario, rate, good.stream().mapToLong(Long::longValue).toArray(), failed,
                (finished - start) / 1e9, List.copyOf(errors.keySet()));
    }

    static Stats stats(String scenario, int clients, long[] nanos, long failed, double seconds, List<String> errors) {
        Arrays.sort(nanos);
        return new Stats(scenario, clients, nanos.length, failed, round(seconds, 2), round(nanos.length / seconds, 1),
                percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                nanos.length == 0 ? 0 : round(nanos[nanos.length - 1] / 1e6, 2), errors);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6, 2);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
