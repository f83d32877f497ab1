package pe.telco.orders.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Monthly partitions of the evaluation record, created ahead. */
    Partitions partitions();

    /** Retention of personal data in stored facts. */
    Retention retention();

    /** When the service creates months ahead (it also creates a month on the first evaluation dated in it). */
    interface Partitions {

        /** Months created ahead of the current one (last month and this month always). */
        @WithDefault("3")
        int monthsAhead();

        /** How often each instance checks that the months ahead exist. */
        @WithDefault("PT6H")
        Duration interval();
    }

    /** Pseudonymising an old month's personal data, by a recorded run that two different people request and approve. */
    interface Retention {

        /**
         * A month may be pseudonymised once this many whole months have passed since its end; unset (the default)
         * turns retention off: every request is refused.
         */
        OptionalInt months();

        /**
         * The HMAC-SHA256 key (any text, kept out of the database) that turns a document number into the same token
         * each time, so one person's evaluations stay linkable. Unset: a random key per run, discarded afterwards
         * (tokens are then unlinkable across runs).
         */
        Optional<String> pseudonymKey();

        /** Evaluations pseudonymised per transaction. */
        @WithDefault("500")
        int batch();
    }

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
