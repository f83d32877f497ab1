package pe.telco.orders.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something a test can observe (a state over HTTP, a row, a process) until a deadline, instead of
 * sleeping a fixed time and hoping; fails with what was awaited and the last value seen.
 */
public final class Eventually {

    /** Often enough that a test is not slowed down, rarely enough not to load a busy machine. */
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} accepts its value; returns that value. */
    public static <T> T within(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not " + what + " within " + timeout.toSeconds() + " s (last seen: " + value
                        + ")");
            }
            pause();
        }
    }

    /** Polls {@code condition} until it holds. */
    public static void within(Duration timeout, String what, BooleanSupplier condition) {
        within(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls {@code probe} until it finds something; returns it. */
    public static <T> T found(Duration timeout, String what, Supplier<Optional<T>> probe) {
        return within(timeout, what, probe, Optional::isPresent).orElseThrow();
    }

    private static void pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL.toMillis()));
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting");
        }
    }
}
