package pe.telco.orders.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the sealer runs, and how it anchors the chain outside the database with signed checkpoints. */
@ConfigMapping(prefix = "orders.audit")
public interface AuditConfig {

    /** Seal committed evaluations in the background (one instance at a time seals, by an advisory lock). */
    @WithDefault("true")
    boolean sealerEnabled();

    /** Pause between sealing rounds: how long at most an evaluation waits for its seal when nothing else runs. */
    @WithDefault("PT0.2S")
    Duration sealInterval();

    /** Evaluations sealed per transaction. */
    @WithDefault("500")
    int sealBatch();

    /** Signed checkpoints of the chain head, kept where the database's owner cannot rewrite them. */
    Checkpoints checkpoints();

    /** Where checkpoints go and the key that signs them. */
    interface Checkpoints {

        /** How often the sealing instance signs a checkpoint, when the head of the chain has moved since the last. */
        @WithDefault("PT10S")
        Duration interval();

        /** The append-only directory of checkpoint files (one file each, never overwritten). */
        @WithDefault("data/audit/checkpoints")
        String directory();

        /**
         * The Ed25519 private key (PKCS#8 PEM) that signs checkpoints; required on an instance that seals. Never
         * stored in the database.
         */
        Optional<String> signingKey();

        /**
         * The matching public key (X.509 SubjectPublicKeyInfo PEM); required with the signing key, and enough on its
         * own to verify. Without it, verification uses the key published in the checkpoint directory.
         */
        Optional<String> publicKey();

        /** Create both key files (owner-only) when missing: development and tests only. */
        @WithDefault("false")
        boolean generateKeys();
    }
}
