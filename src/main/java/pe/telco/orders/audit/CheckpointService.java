package pe.telco.orders.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Anchors the seal chain outside the database: the instance that holds the sealing lock signs a checkpoint of the
 * chain's head (every {@code orders.audit.checkpoints.interval} when the head moved, and on demand) and appends it to
 * the {@link CheckpointSink}. Whoever can rewrite the database can recompute every seal, but not these signatures.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final DataSource db;
    private final AuditConfig config;
    private final CheckpointSink sink;
    private CheckpointKeys keys;
    private Checkpoint last;
    private long lastNumber = -1;
    private ScheduledExecutorService thread;

    public CheckpointService(DataSource db, AuditConfig config, CheckpointSink sink) {
        this.db = db;
        this.config = config;
        this.sink = sink;
    }

    /** The default sink: the configured directory. Another sink (Kafka) would be chosen here. */
    @Produces
    @ApplicationScoped
    static CheckpointSink sink(AuditConfig config) {
        return new DirectoryCheckpointSink(Path.of(config.checkpoints().directory()));
    }

    /**
     * A sealing instance without a signing key refuses to start: a chain nobody anchors is not secure by default. Runs
     * before the other start-up observers, so the sealer never begins on an instance that will not come up.
     */
    void start(@Observes @Priority(10) StartupEvent event) throws IOException, GeneralSecurityException {
        if (!config.sealerEnabled()) {
            return;
        }
        keys = CheckpointKeys.forSigning(config.checkpoints());
        sink.publishKey(CheckpointKeys.pem(keys.publicKey()));
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-checkpoints"));
        long interval = config.checkpoints().interval().toMillis();
        thread.scheduleWithFixedDelay(this::checkpointSafely, interval, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Audit checkpoints signed with key %s go to %s", CheckpointKeys.keyId(keys.publicKey()),
                sink.describe());
    }

    /** A last checkpoint on the way down: what was sealed since the last one would otherwise wait for the next start. */
    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdown();
            checkpointSafely();
        }
    }

    private void checkpointSafely() {
        try {
            checkpoint(false);
        } catch (Exception e) {
            LOG.warnf("Writing an audit checkpoint failed; will retry: %s", e.toString());
        }
    }

    /**
     * Signs and publishes a checkpoint of the chain's head now, unless the last one already names it; returns the
     * checkpoint that covers the head (empty while nothing is sealed). Waits for a sealing batch in progress.
     */
    public Optional<Checkpoint> checkpointNow() throws SQLException, IOException {
        return checkpoint(true);
    }

    private synchronized Optional<Checkpoint> checkpoint(boolean wait) throws SQLException, IOException {
        if (keys == null) {
            throw new IllegalStateException("This instance does not seal (orders.audit.sealer-enabled=false): it "
                    + "has no key to sign checkpoints with");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                // the sealing lock: one writer at a time across instances, and the head cannot move meanwhile
                if (wait) {
                    Sealer.single(c, "select pg_advisory_xact_lock(" + Sealer.LOCK + ")::text");
                } else if (!Sealer.single(c, "select pg_try_advisory_xact_lock(" + Sealer.LOCK + ")").equals("t")) {
                    return Optional.ofNullable(last);
                }
                Sealer.Head head = Sealer.Head.of(c);
                if (head.seq() == 0 || (last != null && last.seq() == head.seq() && last.headHash().equals(head.hash()))) {
                    return Optional.ofNullable(last);
                }
                long sealed = Long.parseLong(Sealer.single(c, "select count(*) from evaluation_seal"));
                return Optional.of(publish(head, sealed));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private Checkpoint publish(Sealer.Head head, long sealed) throws IOException {
        if (lastNumber < 0) {
            lastNumber = sink.lastNumber();
        }
        Checkpoint checkpoint = Checkpoint.sign(lastNumber + 1, head, sealed, Instant.now().toString(), keys);
        try {
            sink.append(checkpoint.number(), checkpoint.json());
        } catch (CheckpointSink.CheckpointTaken e) {
            lastNumber = -1; // another instance wrote meanwhile: read the sink again next time
            throw e;
        }
        lastNumber = checkpoint.number();
        last = checkpoint;
        LOG.debugf("Audit checkpoint %d: seal %d, %d sealed", checkpoint.number(), head.seq(), sealed);
        return checkpoint;
    }
}
