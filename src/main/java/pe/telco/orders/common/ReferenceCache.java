package pe.telco.orders.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Slow-changing reference data (catalogue, coverage, terms) kept in memory so evaluations do not query it per order.
 * A change made through this instance drops the copy when its transaction ends; a change made by another instance
 * drops it when that instance's NOTIFY arrives ({@link ReferenceChanges}), or at the latest after the time to live.
 * A load that overlaps a change is used once and not kept, so a stale copy never outlives the change that made it
 * stale. Readers need no transaction of their own: a load runs in the caller's, or in one of its own when the
 * caller has none, so a hit (nearly every read) costs no transaction begun and committed.
 */
public final class ReferenceCache<T> {

    private record Copy<T>(T value, long generation, long loadedAt) {
    }

    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Copy<T> copy;

    public ReferenceCache(Duration timeToLive) {
        this.ttlNanos = timeToLive.toNanos();
    }

    /** The kept copy, or a fresh one from {@code load}. */
    public T get(Supplier<T> load) {
        Copy<T> kept = copy;
        long now = System.nanoTime();
        long current = generation.get();
        if (kept != null && kept.generation() == current && now - kept.loadedAt() < ttlNanos) {
            return kept.value();
        }
        T value = QuarkusTransaction.joiningExisting().call(load::get);
        if (generation.get() == current) {
            copy = new Copy<>(value, current, now);
        }
        return value;
    }

    /** Drops the copy now and again when the caller's transaction ends (committed or not), so no reader keeps one
     * loaded before the change was visible. */
    public void changedIn(TransactionSynchronizationRegistry transaction) {
        invalidate();
        if (transaction != null && transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    public void invalidate() {
        generation.incrementAndGet();
        copy = null;
    }
}
