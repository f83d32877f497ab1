package pe.telco.orders.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where signed checkpoints are published, outside PostgreSQL. Append-only: a checkpoint, once written under its
 * number, is never replaced, and nothing is ever deleted (a Kafka topic with infinite retention and no compaction, a
 * WORM bucket, or the default directory on storage the database's administrators cannot write).
 */
public interface CheckpointSink {

    /** Where the checkpoints go, for log lines and reports. */
    String describe();

    /** Publishes the key checkpoints are verified with, once; refuses a different key where one was published. */
    void publishKey(String publicKeyPem) throws IOException;

    /** The key published, if any. */
    Optional<String> publishedKey() throws IOException;

    /** Appends a checkpoint under its number; fails with {@link CheckpointTaken} if that number is already taken. */
    void append(long number, String content) throws IOException;

    /** The highest number published, 0 before the first checkpoint. */
    long lastNumber() throws IOException;

    /** Every checkpoint published, in number order, as written. */
    List<Published> readAll() throws IOException;

    /** One checkpoint as stored: its number, where it is, and its content. */
    record Published(long number, String location, String content) {
    }

    /** Another writer already used that number (two instances raced, or the sink was written by hand). */
    class CheckpointTaken extends IOException {
        public CheckpointTaken(String message) {
            super(message);
        }
    }
}
