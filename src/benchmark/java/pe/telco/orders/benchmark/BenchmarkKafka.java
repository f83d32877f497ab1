package pe.telco.orders.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import pe.telco.orders.events.KafkaBroker;

/**
 * A real Kafka broker for run.sh's events stage, the one the event tests use (KRaft, a child JVM): writes its
 * bootstrap address to a file once it answers, and stops it when this process is stopped.
 *
 * <p>Usage: {@code <directory> <address-file>}.
 */
public final class BenchmarkKafka {

    private BenchmarkKafka() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Path address = Path.of(args[1]);
        Files.writeString(address.resolveSibling(address.getFileName() + ".tmp"), broker.bootstrap());
        Files.move(address.resolveSibling(address.getFileName() + ".tmp"), address);
        Thread.currentThread().join();
    }
}
