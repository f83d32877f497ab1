package pe.telco.orders.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import pe.telco.orders.support.FreePorts;

/**
 * A real Apache Kafka broker for tests: a child JVM running Kafka's own {@code kafka.Kafka} in KRaft mode (broker and
 * controller in one process) on free local ports, its storage formatted first with Kafka's StorageTool. The
 * benchmark's events stage starts one too.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final String bootstrap;

    private KafkaBroker(Process process, Path log, String bootstrap) {
        this.process = process;
        this.log = log;
        this.bootstrap = bootstrap;
    }

    public static KafkaBroker start(Path directory) throws Exception {
        Files.createDirectories(directory);
        int[] ports = FreePorts.take(2);
        int port = ports[0];
        int controller = ports[1];
        Path config = directory.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true", ""));
        Path log = directory.resolve("broker.log");
        Process format = java("kafka.tools.StorageTool", "format", "--standalone", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new AssertionError("Formatting Kafka's storage failed:\n"
                    + Files.readString(directory.resolve("format.log")));
        }
        Process broker = java("kafka.Kafka", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        KafkaBroker started = new KafkaBroker(broker, log, "127.0.0.1:" + port);
        started.awaitReady();
        return started;
    }

    private static ProcessBuilder java(String main, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        awaitListening(deadline); // an admin client that finds nobody listening logs a warning per second
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                "3000"))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("The Kafka broker stopped:\n" + Files.readString(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new AssertionError("The Kafka broker did not start within " + START + ":\n"
                                + Files.readString(log), e);
                    }
                }
            }
        }
    }

    private void awaitListening(long deadline) throws Exception {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("The Kafka broker did not listen on " + bootstrap + " within " + START
                            + ":\n" + Files.readString(log), notYet);
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // between connection attempts
            }
        }
    }

    void createTopics(List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(n -> new org.apache.kafka.clients.admin.NewTopic(n, 3, (short) 1))
                    .toList()).all().get(60, TimeUnit.SECONDS);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
