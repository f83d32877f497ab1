package pe.telco.orders.events;

import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;
import io.quarkus.bootstrap.app.RunningQuarkusApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A second service instance, run in a child JVM so a test can {@code kill -9} it: the whole service (built from
 * target/classes by Quarkus' own bootstrap, test profile) on the given database and Kafka broker, relaying events to
 * the hub's queue and to Kafka through its Messaging channels, and delivering to hub listeners. Prints READY once it
 * has started. Arguments: JDBC URL, user, password, Kafka bootstrap servers.
 */
public final class RelayProcess {

    private RelayProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = Map.of(
                "quarkus.datasource.jdbc.url", args[0],
                "quarkus.datasource.username", args[1],
                "quarkus.datasource.password", args[2],
                "kafka.bootstrap.servers", args[3],
                "orders.events.relay-batch", "5",
                "orders.events.hub.max-attempts", "1000",
                // the test's service seals; two sealers with keys of their own would only compete for the lock
                "orders.audit.sealer-enabled", "false");
        settings.forEach(System::setProperty);
        Path project = Path.of("").toAbsolutePath();
        try (CuratedApplication curated = QuarkusBootstrap.builder()
                .setApplicationRoot(project.resolve("target/classes")).setProjectRoot(project)
                .setMode(QuarkusBootstrap.Mode.TEST).setIsolateDeployment(true).build().bootstrap();
                RunningQuarkusApplication service = curated.createAugmentor().createInitialRuntimeApplication()
                        .run()) {
            System.out.println("READY");
            System.out.flush();
            // runs until the test kills it; its stdin closes when the test's JVM goes, and then so does this one
            parentGone().await(5, TimeUnit.MINUTES);
        }
        System.exit(0);
    }

    /** Opens when this process's stdin (a pipe from the test's JVM) reaches its end. */
    private static CountDownLatch parentGone() {
        CountDownLatch gone = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test sends nothing; only the end matters
                }
            } catch (IOException e) {
                // a broken pipe is an end too
            }
            gone.countDown();
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return gone;
    }
}
