package pe.telco.orders.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import pe.telco.orders.audit.record.MonthPartitions;
import pe.telco.orders.audit.retention.RetentionRunCheck;
import pe.telco.orders.common.OperatorTime;

/**
 * Walks the seal chain (all of it, or the links sealed in a period), recomputing every hash from the record, and holds
 * the signed checkpoints against it: a chain rewritten and re-sealed from the record, or cut at its tail, is
 * self-consistent, so only the checkpoints (signed outside the database) can reveal it.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final Logger LOG = Logger.getLogger(ChainVerifier.class);
    private static final int BATCH = 1_000;

    private final DataSource db;
    private final OperatorTime time;
    private final CheckpointSink checkpoints;
    private final AuditConfig config;

    public ChainVerifier(DataSource db, OperatorTime time, CheckpointSink checkpoints, AuditConfig config) {
        this.db = db;
        this.time = time;
        this.checkpoints = checkpoints;
        this.config = config;
    }

    /** The chain and every checkpoint. */
    public ChainVerification verify(OffsetDateTime from, OffsetDateTime to) {
        // read before the database snapshot is taken: every seal a checkpoint names is then visible in it
        Published published = published();
        return inSnapshot(c -> {
            ChainVerification chain = walk(c, from, to);
            CheckpointCheck.Result result = published.error() != null
                    ? new CheckpointCheck.Result(0, null, published.error())
                    : CheckpointCheck.check(c, published.files(), published.key());
            long headSeq = Sealer.Head.of(c).seq();
            List<ChainVerification.RetentionRunReport> runs = RetentionRunCheck.all(c);
            boolean runsHold = runs.stream().allMatch(ChainVerification.RetentionRunReport::valid);
            return new ChainVerification(chain.valid() && result.broken() == null && runsHold, chain.checked(),
                    chain.firstSeq(), chain.lastSeq(), chain.headHash(), chain.firstBroken(), chain.notYetSealed(),
                    chain.verifiedAt(), result.checked(), result.last(), result.broken(),
                    headSeq - (result.last() == null ? 0 : Math.min(result.last().seq(), headSeq)), chain.months(),
                    chain.pseudonymised(), runs);
        });
    }

    /** The links sealed in a period only, without the checkpoints (the console's check of one evaluation's seal). */
    public ChainVerification verifyLinks(OffsetDateTime from, OffsetDateTime to) {
        return inSnapshot(c -> walk(c, from, to));
    }

    /** The checkpoints and the key to check them with, or why they could not be read. */
    private record Published(List<CheckpointSink.Published> files, Optional<PublicKey> key,
            ChainVerification.BrokenCheckpoint error) {
    }

    private Published published() {
        try {
            Optional<PublicKey> key = CheckpointKeys.configuredPublicKey(config.checkpoints());
            if (key.isEmpty()) {
                Optional<String> pem = checkpoints.publishedKey();
                key = pem.isEmpty() ? Optional.empty() : Optional.of(CheckpointKeys.parsePublic(pem.get()));
            }
            return new Published(checkpoints.readAll(), key, null);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warnf("The audit checkpoints in %s could not be read: %s", checkpoints.describe(), e.toString());
            return new Published(List.of(), Optional.empty(), new ChainVerification.BrokenCheckpoint(0,
                    checkpoints.describe(), null, "The checkpoints could not be read: " + e.getMessage()));
        }
    }

    private interface InSnapshot {
        ChainVerification run(Connection c) throws SQLException;
    }

    /** A link as stored. */
    private record Link(long seq, long evaluationId, String prevHash, String hash, OffsetDateTime evaluatedAt) {
    }

    private ChainVerification inSnapshot(InSnapshot work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            // for this transaction only: setTransactionIsolation would SET SESSION CHARACTERISTICS, which a pooler in
            // transaction mode (PgBouncer) runs on whichever server connection and leaves there for others
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read");
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verifying the audit chain failed: " + e.getMessage(), e);
        }
    }

    private ChainVerification walk(Connection c, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        long firstSeq = from == null ? 1 : bound(c, "select min(seq) from evaluation_seal where sealed_at >= ?", from);
        long lastSeq = to == null ? Sealer.Head.of(c).seq()
                : bound(c, "select max(seq) from evaluation_seal where sealed_at < ?", to);
        if (firstSeq == 0) {
            lastSeq = 0;
        }
        String prev = firstSeq <= 1 ? EvaluationDigest.GENESIS : storedHash(c, firstSeq - 1);
        MonthChain months = MonthChain.before(c, firstSeq);
        long expected = firstSeq;
        long checked = 0;
        long pseudonymised = 0;
        ChainVerification.BrokenLink broken = null;
        while (broken == null && expected <= lastSeq) {
            List<Link> links = links(c, expected, lastSeq);
            if (links.isEmpty()) {
                broken = new ChainVerification.BrokenLink(expected, 0, "Seal " + expected + " is missing");
                break;
            }
            List<Long> ids = links.stream().map(Link::evaluationId).toList();
            Map<Long, ObjectNode> documents = EvaluationDigest.documents(c, ids,
                    links.stream().map(Link::evaluatedAt).toList());
            Map<Long, Pseudonymisation> replaced = Pseudonymisation.of(c, ids);
            for (Link link : links) {
                YearMonth month = MonthPartitions.monthOf(link.evaluatedAt());
                String follows = months.perMonth(link.seq()) ? months.previousFor(month) : prev;
                Pseudonymisation pseudonymisation = replaced.get(link.evaluationId());
                broken = check(link, expected, follows, documents.get(link.evaluationId()), pseudonymisation);
                if (broken != null) {
                    break;
                }
                checked++;
                if (pseudonymisation != null) {
                    pseudonymised++;
                }
                months.advance(month, link.seq(), follows, link.hash(), pseudonymisation != null);
                prev = link.hash();
                expected++;
            }
        }
        return new ChainVerification(broken == null, checked, lastSeq == 0 ? null : firstSeq,
                lastSeq == 0 ? null : lastSeq, prev, broken, notYetSealed(c), time.now(), null, null, null, null,
                months.sections(), pseudonymised, null);
    }

    private static ChainVerification.BrokenLink check(Link link, long expected, String prev, ObjectNode document,
            Pseudonymisation pseudonymisation) {
        if (link.seq() != expected) {
            return new ChainVerification.BrokenLink(expected, link.evaluationId(), "Seal " + expected
                    + " is missing: the chain jumps to " + link.seq());
        }
        if (!link.prevHash().equals(prev)) {
            return new ChainVerification.BrokenLink(link.seq(), link.evaluationId(),
                    "The link does not follow the previous seal of its month (its previous hash differs)");
        }
        if (document == null) {
            return new ChainVerification.BrokenLink(link.seq(), link.evaluationId(),
                    "Evaluation " + link.evaluationId() + " was sealed but is no longer in the record");
        }
        String hash = EvaluationDigest.hash(document, prev);
        if (hash.equals(link.hash())) {
            return null;
        }
        if (pseudonymisation == null) {
            return new ChainVerification.BrokenLink(link.seq(), link.evaluationId(), "Evaluation "
                    + link.evaluationId() + " or its firings changed after it was sealed (hash mismatch)");
        }
        if (pseudonymisation.sealSeq() != link.seq() || !hash.equals(pseudonymisation.pseudonymisedHash())) {
            return new ChainVerification.BrokenLink(link.seq(), link.evaluationId(), "Evaluation "
                    + link.evaluationId() + " changed after retention run " + pseudonymisation.runId()
                    + " pseudonymised it (hash mismatch)");
        }
        return null; // the recorded pseudonymisation accounts for the change; the link itself is untouched
    }

    private static List<Link> links(Connection c, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, evaluation_id, prev_hash, hash, evaluated_at"
                + " from evaluation_seal where seq >= ? and seq <= ? order by seq limit " + BATCH)) {
            s.setLong(1, fromSeq);
            s.setLong(2, toSeq);
            List<Link> links = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)));
                }
            }
            return links;
        }
    }

    /** The seq bound for a time, 0 when no seal qualifies (nothing to walk). */
    private static long bound(Connection c, String sql, OffsetDateTime time) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, time);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String storedHash(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select hash from evaluation_seal where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : EvaluationDigest.GENESIS;
            }
        }
    }

    private static long notYetSealed(Connection c) throws SQLException {
        Sealer.Head head = Sealer.Head.of(c);
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from evaluation where (xid, id) > (?::xid8, ?)")) {
            s.setString(1, head.xid());
            s.setLong(2, head.evaluationId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
