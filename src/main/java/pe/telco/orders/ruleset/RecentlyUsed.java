package pe.telco.orders.ruleset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * At most {@code limit} values, the most recently used; the least recently used goes first. Values are made outside
 * the lock, so a slow one (a compilation) never holds up readers of the others; two callers racing for the same
 * missing key may both make it, and the first one kept wins.
 */
final class RecentlyUsed<K, V> {

    private final int limit;
    private final LinkedHashMap<K, V> values = new LinkedHashMap<>(16, 0.75f, true);

    RecentlyUsed(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("keep at least one value, not " + limit);
        }
        this.limit = limit;
    }

    V get(K key, Function<K, V> make) {
        V known = find(key);
        return known != null ? known : keep(key, make.apply(key));
    }

    synchronized V find(K key) {
        return values.get(key);
    }

    synchronized V keep(K key, V value) {
        V known = values.putIfAbsent(key, value);
        for (Iterator<K> eldest = values.keySet().iterator(); values.size() > limit; ) {
            eldest.next();
            eldest.remove();
        }
        return known != null ? known : value;
    }

    synchronized int size() {
        return values.size();
    }
}
