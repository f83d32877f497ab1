package pe.telco.orders.audit;

import java.security.PublicKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the published checkpoints against the chain as stored, in number order, up to the first that disagrees: none
 * may be missing, each must carry a valid signature of the trusted key, and the chain must still have, at the position
 * it names, the very hash it signed, and at least as many seals as it counted.
 */
final class CheckpointCheck {

    /** How many checkpoints held, the last of them, and the first that did not. */
    record Result(long checked, ChainVerification.CheckpointSummary last, ChainVerification.BrokenCheckpoint broken) {
    }

    private CheckpointCheck() {
    }

    static Result check(Connection c, List<CheckpointSink.Published> published, Optional<PublicKey> key)
            throws SQLException {
        if (published.isEmpty()) {
            return new Result(0, null, null);
        }
        if (key.isEmpty()) {
            return broken(0, null, published.get(0), null, "There is no public key to verify the checkpoints with "
                    + "(orders.audit.checkpoints.public-key, or the key published beside them)");
        }
        String keyId = CheckpointKeys.keyId(key.get());
        Sealer.Head head = Sealer.Head.of(c);
        long sealed = Long.parseLong(Sealer.single(c, "select count(*) from evaluation_seal"));
        Map<Long, String> stored = storedHashes(c, published);
        long checked = 0;
        ChainVerification.CheckpointSummary last = null;
        for (CheckpointSink.Published file : published) {
            long expected = last == null ? 1 : last.number() + 1;
            if (file.number() != expected) {
                // numbers are handed out one after the other and only for checkpoints written: a gap was deleted
                return broken(checked, last, file, null, "Checkpoint " + expected + " is missing before this one");
            }
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(file.content());
            } catch (IllegalArgumentException e) {
                return broken(checked, last, file, null, "The checkpoint is unreadable: " + e.getMessage());
            }
            String problem = problem(file, checkpoint, key.get(), keyId, head, sealed, stored.get(checkpoint.seq()));
            if (problem != null) {
                return broken(checked, last, file, checkpoint.seq(), problem);
            }
            checked++;
            last = new ChainVerification.CheckpointSummary(checkpoint.number(), checkpoint.seq(),
                    checkpoint.headHash(), checkpoint.sealedCount(), checkpoint.createdAt());
        }
        return new Result(checked, last, null);
    }

    private static String problem(CheckpointSink.Published file, Checkpoint checkpoint, PublicKey key, String keyId,
            Sealer.Head head, long sealed, String storedHash) {
        if (checkpoint.number() != file.number()) {
            return "The checkpoint says it is number " + checkpoint.number() + " but is stored as " + file.number();
        }
        if (!checkpoint.keyId().equals(keyId)) {
            return "The checkpoint names signing key " + checkpoint.keyId() + ", not the trusted key " + keyId;
        }
        if (!CheckpointKeys.verify(key, checkpoint.signedText(), checkpoint.signature())) {
            return "The checkpoint's signature does not verify: its content was changed after it was signed";
        }
        if (head.seq() < checkpoint.seq() || sealed < checkpoint.sealedCount()) {
            return "The chain was cut: the checkpoint signed " + checkpoint.sealedCount() + " sealed evaluations up to"
                    + " seal " + checkpoint.seq() + ", the chain now has " + sealed + " up to seal " + head.seq();
        }
        if (!checkpoint.headHash().equals(storedHash)) {
            return "The chain was rewritten: seal " + checkpoint.seq() + " no longer has the hash the checkpoint signed"
                    + " (" + checkpoint.headHash() + ")";
        }
        return null;
    }

    private static Result broken(long checked, ChainVerification.CheckpointSummary last,
            CheckpointSink.Published file, Long seq, String reason) {
        return new Result(checked, last,
                new ChainVerification.BrokenCheckpoint(file.number(), file.location(), seq, reason));
    }

    /** The stored hash at every position a checkpoint names, in one query. */
    private static Map<Long, String> storedHashes(Connection c, List<CheckpointSink.Published> published)
            throws SQLException {
        List<Long> seqs = published.stream().map(p -> seqOf(p.content())).filter(s -> s != null).distinct().toList();
        Map<Long, String> hashes = new HashMap<>();
        Array wanted = c.createArrayOf("bigint", seqs.toArray());
        try (PreparedStatement s = c.prepareStatement("select s.seq, s.hash from unnest(?::bigint[]) as wanted(seq)"
                + " join evaluation_seal s using (seq)")) {
            s.setArray(1, wanted);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return hashes;
    }

    private static Long seqOf(String content) {
        try {
            return Checkpoint.parse(content).seq();
        } catch (IllegalArgumentException e) {
            return null; // reported in order by check()
        }
    }
}
