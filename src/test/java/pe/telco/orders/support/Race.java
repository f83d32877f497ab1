package pe.telco.orders.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs actions on their own threads released together by a barrier, so they really overlap: without it the first
 * thread may finish before the last one is even started, and a race test passes without racing.
 */
public final class Race {

    private static final long TIMEOUT_SECONDS = 120;

    private Race() {
    }

    /** Each action on its own thread, all starting at once; their results in the order given. */
    public static <T> List<T> together(List<? extends Callable<T>> actions) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actions.size());
        ExecutorService threads = Executors.newFixedThreadPool(actions.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> action : actions) {
                running.add(threads.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return action.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(outcome(result));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The given actions, each on its own thread, all starting at once. */
    @SafeVarargs
    public static <T> List<T> together(Callable<T>... actions) throws Exception {
        return together(List.of(actions));
    }

    /** {@code copies} threads running the same action at once. */
    public static <T> List<T> times(int copies, Callable<T> action) throws Exception {
        return together(Collections.nCopies(copies, action));
    }

    private static <T> T outcome(Future<T> result) throws Exception {
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
