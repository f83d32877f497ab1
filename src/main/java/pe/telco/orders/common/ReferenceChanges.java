package pe.telco.orders.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This instance's caches of reference data, by name, and how a change to one reaches every instance: a NOTIFY on
 * {@link #CHANNEL} sent inside the transaction that makes the change, so it is announced only if it commits and only
 * once it is visible; each instance's listener hands it to {@link #received}. The caches' time to live stays as the
 * fallback for an instance that does not hear it.
 */
@ApplicationScoped
public class ReferenceChanges {

    /** The NOTIFY channel; the payload is the name of the cache that changed. */
    public static final String CHANNEL = "reference_changed";
    private static final Logger LOG = Logger.getLogger(ReferenceChanges.class);

    private final EntityManager db;
    private final TransactionSynchronizationRegistry transactions;
    private final ReferenceDataConfig config;
    private final Map<String, ReferenceCache<?>> caches = new ConcurrentHashMap<>();

    public ReferenceChanges(EntityManager db, TransactionSynchronizationRegistry transactions,
            ReferenceDataConfig config) {
        this.db = db;
        this.transactions = transactions;
        this.config = config;
    }

    /** The cache of this name on this instance (one per name: asking again gives the same). */
    @SuppressWarnings("unchecked")
    public <T> ReferenceCache<T> cache(String name) {
        return (ReferenceCache<T>) caches.computeIfAbsent(name, n -> new ReferenceCache<>(config.cacheTtl()));
    }

    /** Drops this instance's copy now and every instance's once the caller's transaction commits. */
    public void changed(String name) {
        cache(name).changedIn(transactions);
        db.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, name)
                .getSingleResult();
    }

    /**
     * Some instance committed a change to the named data; {@code null} when notifications may have been missed (the
     * listener has just (re)connected): then every copy goes.
     */
    public void received(String name) {
        if (name == null) {
            caches.values().forEach(ReferenceCache::invalidate);
            return;
        }
        ReferenceCache<?> cache = caches.get(name);
        if (cache != null) {
            cache.invalidate();
            LOG.debugf("Reference data %s changed: cached copy dropped", name);
        }
    }
}
