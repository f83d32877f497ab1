package pe.telco.orders.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.database.DatabaseCredentials;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.FreePorts;

/**
 * The packaged service (target/quarkus-app, production profile, its own embedded database) stopped with SIGTERM
 * while an evaluation is in flight: the evaluation finishes and is answered, and the process then ends by itself
 * without being halted. Runs after package (failsafe), as Kubernetes would stop a pod.
 */
class GracefulShutdownIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String USER = "shutdown-it";
    private static final String PASSWORD = "shutdown-it-password";

    private final Path dir = Path.of("target/graceful-shutdown-it").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process service;
    private int port;

    @AfterEach
    void stopWhateverIsLeft() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEvaluationInFlightWhenTheStopComesIsFinishedAndAnswered() throws Exception {
        start();
        long order = createOrder();
        try (Connection db = superuser(); Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            // the evaluation will wait for this row: it is in flight, inside its transaction, when the stop comes
            s.execute("select id from orders where id = " + order + " for update");
            CompletableFuture<HttpResponse<String>> evaluation = http.sendAsync(
                    request("/api/orders/" + order + "/evaluation").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Eventually.within(WAIT, "the evaluation waiting for the order's row", () -> waitingForLocks(s) > 0);

            service.destroy(); // SIGTERM
            Eventually.within(WAIT, "the service announcing that it stops (readiness 503)",
                    () -> status("/q/health/ready") == 503);
            db.rollback();

            HttpResponse<String> answer = evaluation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"decision\"", "\"evaluationId\"");
        }
        assertThat(service.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the process ended").isTrue();
        // 143: ended by the SIGTERM after a complete shutdown; 3 would be ShutdownDeadline halting a stop that hung
        assertThat(service.exitValue()).isIn(0, 143);
        assertThat(Files.readString(dir.resolve("service.log"))).doesNotContain("halting the process");
    }

    private void start() throws Exception {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        port = FreePorts.take();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((USER + ":Quarkus:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.security.users.embedded.users." + USER + "=" + hash,
                "-Dquarkus.security.users.embedded.roles." + USER + "=CHANNEL",
                "-Dorders.access.channel-of." + USER + "=CALL_CENTER",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("ORDERS_EMBEDDED_DATABASE_ENABLED", "true");
        env.put("ORDERS_EMBEDDED_DATABASE_DATA_DIRECTORY", dir.resolve("postgres").toString());
        env.put("ORDERS_DEMO_DATA_ENABLED", "true");
        env.put("ORDERS_AUDIT_CHECKPOINTS_DIRECTORY", dir.resolve("audit/checkpoints").toString());
        env.put("ORDERS_AUDIT_CHECKPOINTS_GENERATE_KEYS", "true");
        env.put("ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY", dir.resolve("audit/signing-key.pem").toString());
        env.put("ORDERS_AUDIT_CHECKPOINTS_PUBLIC_KEY", dir.resolve("audit/signing-key.pub.pem").toString());
        service = builder.start();
        Eventually.within(WAIT, "the packaged service ready (see " + dir.resolve("service.log") + ")", () -> {
            assertThat(service.isAlive()).as("the service is running (see its log)").isTrue();
            return status("/q/health/ready") == 200;
        });
    }

    private long createOrder() throws Exception {
        HttpResponse<String> created = http.send(request("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples/order.json"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private Connection superuser() throws Exception {
        Path data = dir.resolve("postgres");
        String url = Files.readString(dir.resolve("service.log")).lines()
                .map(Pattern.compile("Embedded PostgreSQL started in \\d+ ms on port (\\d+)")::matcher)
                .filter(Matcher::find).map(m -> "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/orders")
                .findFirst().orElseThrow(() -> new AssertionError("the service did not say its database's port"));
        return DriverManager.getConnection(url, "postgres", DatabaseCredentials.read(data).superuser());
    }

    private static int waitingForLocks(Statement s) {
        try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where datname = 'orders'"
                + " and wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int status(String path) {
        try {
            return http.send(request(path).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening (yet, or any more)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
