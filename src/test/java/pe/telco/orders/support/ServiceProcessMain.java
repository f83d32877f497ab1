package pe.telco.orders.support;

import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;
import io.quarkus.bootstrap.app.RunningQuarkusApplication;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of a {@link ServiceProcess}: sets the properties of the file named by its one argument (then deletes
 * it: it holds database passwords), runs the whole service built from target/classes by Quarkus' own bootstrap in
 * the test profile, prints READY once it has started, and stops when its stdin (a pipe from the test's JVM) ends:
 * the test closed it, or the test's JVM is gone. {@link #MAX_LIFETIME} bounds it in any case.
 */
public final class ServiceProcessMain {

    /** How long a child may live at most: a test that forgot it must not leave it running for ever. */
    static final String MAX_LIFETIME = "service-process.max-lifetime";

    private ServiceProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Path settingsFile = Path.of(args[0]);
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        Files.delete(settingsFile);
        settings.stringPropertyNames().forEach(name -> System.setProperty(name, settings.getProperty(name)));
        // one class loader for the application's classes and its libraries, as in the packaged service: with the
        // test mode's default split, REST resources are refused ("banned") to the loader of their generated invokers
        System.setProperty("quarkus.test.flat-class-path", "true");
        Duration lifetime = Duration.parse(settings.getProperty(MAX_LIFETIME, "PT10M"));
        Path project = Path.of("").toAbsolutePath();
        try (CuratedApplication curated = QuarkusBootstrap.builder()
                .setApplicationRoot(project.resolve("target/classes")).setProjectRoot(project)
                .setMode(QuarkusBootstrap.Mode.TEST).setIsolateDeployment(true).build().bootstrap();
                RunningQuarkusApplication service = curated.createAugmentor().createInitialRuntimeApplication()
                        .run()) {
            System.out.println(ServiceProcess.READY);
            System.out.flush();
            parentGone().await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
        }
        System.exit(0);
    }

    /** Opens when this process's stdin reaches its end. */
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
