package pe.telco.orders.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import pe.telco.orders.database.EmbeddedDatabase;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.ServiceProcess;
import pe.telco.orders.support.Shop;

/**
 * Two real service processes (child JVMs) on one PostgreSQL, this test's own, as operators run them behind a load
 * balancer. {@code listening} holds the LISTEN connection and checks the active version only every ten minutes, so
 * whatever reaches it sooner came by NOTIFY; {@code polling} does not listen at all ({@code orders.rules.listen-url=none},
 * as behind a pooler that drops LISTEN) and checks every second. Both keep reference data for ten minutes, so a
 * change seen sooner was announced. The last test kills one with {@code kill -9}; the order keeps it last.
 */
@Tag("multi-process")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final Path DATA = Path.of("target", "embedded-pg-instances");
    /** Far longer than any wait below: nothing may reach an instance by the fallbacks within the test. */
    private static final String FALLBACK = "PT10M";
    private static final Duration SOON = Duration.ofSeconds(30);

    private static EmbeddedDatabase.Connection database;
    private static ServiceProcess listening;
    private static ServiceProcess polling;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = EmbeddedDatabase.startOrReuse(new EmbeddedDatabase.Settings(DATA, 0, true));
        // both seal, so both sign checkpoints: one key pair and one directory, as every sealing instance must share
        Path audit = Files.createDirectories(Path.of("target", "instances-audit-" + UUID.randomUUID())
                .toAbsolutePath());
        Map<String, String> common = Map.of(
                "orders.reference-data.cache-ttl", FALLBACK,
                "orders.audit.checkpoints.directory", audit.resolve("checkpoints").toString(),
                "orders.audit.checkpoints.signing-key", audit.resolve("signing-key.pem").toString(),
                "orders.audit.checkpoints.public-key", audit.resolve("signing-key.pub.pem").toString(),
                "orders.audit.checkpoints.generate-keys", "false");
        writeKeyPair(audit.resolve("signing-key.pem"), audit.resolve("signing-key.pub.pem"));
        ServiceProcess.Database db = ServiceProcess.Database.of(database);
        // one after the other: two JVMs building the service at once on two shared cores only take longer
        listening = ServiceProcess.start("listening", db,
                with(common, Map.of("orders.rules.active-check-interval", FALLBACK)));
        polling = ServiceProcess.start("polling", db,
                with(common, Map.of("orders.rules.listen-url", "none", "orders.rules.active-check-interval", "PT1S")));
        openShop(listening);
    }

    @AfterAll
    static void stopBoth() {
        for (ServiceProcess instance : new ServiceProcess[] {listening, polling}) {
            if (instance != null) {
                instance.close();
            }
        }
        EmbeddedDatabase.stop(DATA);
    }

    @Test
    @Order(1)
    void referenceDataPutOnOneIsSeenByTheOtherAtOnce() {
        // the listening instance reads (and keeps) each before the change
        listening.given().get("/api/coverage/15311").then().statusCode(200).body("technologies.size()", equalTo(0));
        listening.given().get("/api/terms/current").then().statusCode(200)
                .body("url", equalTo("https://www.telco.pe/t/2026-01"));
        Map<String, Object> withTv = withItem(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"), "T-TV-NEW");
        dryRun(listening, withTv).then().statusCode(400).body("errors[0].message", containsString("T-TV-NEW"));

        put(polling, "/api/coverage/15311", "{\"technologies\":[{\"technology\":\"HFC\",\"maxDownloadMbps\":200}]}");
        put(polling, "/api/terms/2026-01",
                "{\"effectiveFrom\":\"2026-01-01\",\"url\":\"https://www.telco.pe/t/2026-01-v2\"}");
        put(polling, "/api/products/T-TV-NEW", "{\"name\":\"TV HD\",\"kind\":\"SERVICE\",\"category\":\"TV\","
                + "\"price\":0.00,\"monthlyFee\":65.00,\"currency\":\"PEN\",\"financeable\":false,"
                + "\"maxInstallments\":0,\"contractMonths\":12}");

        Eventually.within(SOON, "the new coverage seen on the other instance",
                () -> listening.given().get("/api/coverage/15311").path("technologies.size()"), n -> n.equals(1));
        Eventually.within(SOON, "the republished terms seen on the other instance",
                () -> listening.given().get("/api/terms/current").path("url"),
                "https://www.telco.pe/t/2026-01-v2"::equals);
        Eventually.within(SOON, "the new product known to the other instance",
                () -> dryRun(listening, withTv).statusCode(), status -> status == 200);
    }

    @Test
    @Order(2)
    void anActivationReachesTheListeningInstanceByNotifyAndThePollingOneByItsCheck() {
        Map<String, Object> order = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        assertThat(rulesetOf(listening, order)).isEqualTo(1);
        String inventory = listening.given().get("/api/rulesets/1/files/inventory.drl").then().statusCode(200)
                .extract().asString();
        int second = listening.as("dario.dev", "developer-secret")
                .multiPart("comment", "the same rules, a comment more")
                .multiPart("file", "inventory.drl",
                        (inventory + "\n// two instances test\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");

        activate(polling, second, "rita.rules");
        Eventually.within(SOON, "version " + second + " live on the listening instance (by NOTIFY only)",
                () -> rulesetOf(listening, order), v -> v == second);

        activate(listening, 1, "roberto.rules");
        Eventually.within(SOON, "version 1 live again on the polling instance (by its periodic check only)",
                () -> rulesetOf(polling, order), v -> v == 1);
        Eventually.within(SOON, "version 1 live again on the listening instance",
                () -> rulesetOf(listening, order), v -> v == 1);
    }

    @Test
    @Order(3)
    void idempotentRetriesSpreadOverBothInstancesCreateOneOrder() throws Exception {
        Map<String, Object> body = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ServiceProcess instance = i % 2 == 0 ? listening : polling;
            retries.add(() -> instance.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post("/api/orders"));
        }

        List<Response> answers = Race.together(retries);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.asString()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.<Integer>path("id")).distinct()).hasSize(1);
        assertThat(answers.stream().map(a -> URI.create(a.header("Location")).getPath()).distinct()).hasSize(1);
        polling.given().get("/api/orders?externalId=" + body.get("externalId")).then().body("total", equalTo(1));
    }

    @Test
    @Order(4)
    void oneSealsAtATimeAndAfterAKillTheOtherGoesOnAndTheChainVerifies() throws Exception {
        Race.together(List.of(() -> decide(listening, 6), () -> decide(polling, 6)));
        awaitEverythingSealed(polling);

        listening.kill();
        double sealedBefore = sealingRounds(polling);
        decide(polling, 4);

        awaitEverythingSealed(polling);
        assertThat(sealingRounds(polling)).as("the surviving instance sealed after the kill")
                .isGreaterThan(sealedBefore);
        polling.given().get("/api/audit/verification").then().statusCode(200).body("valid", equalTo(true))
                .body("checked", equalTo((int) count("select count(*) from evaluation")));
        assertThat(count("select count(*) - count(distinct evaluation_id) from evaluation_seal"))
                .as("evaluations sealed twice").isZero();
        assertThat(count("select max(seq) - count(*) from evaluation_seal")).as("gaps in the chain").isZero();
        for (ServiceProcess instance : List.of(listening, polling)) {
            assertThat(instance.log()).as("sealing failures on " + instance)
                    .doesNotContain("Sealing evaluations failed");
        }
    }

    /** Creates and evaluates orders on this instance, one after the other. */
    private static Void decide(ServiceProcess instance, int orders) {
        for (int i = 0; i < orders; i++) {
            long id = ((Number) instance.given().contentType(ContentType.JSON)
                    .body(Shop.fibreOrder(Shop.GOOD_PAYER, "15046")).post("/api/orders").then().statusCode(201)
                    .extract().path("id")).longValue();
            instance.given().post("/api/orders/" + id + "/evaluation").then().statusCode(200);
        }
        return null;
    }

    private static void awaitEverythingSealed(ServiceProcess instance) {
        Eventually.within(Duration.ofSeconds(60), "every evaluation sealed (unsealed left)",
                () -> count("select count(*) from evaluation e where not exists"
                        + " (select 1 from evaluation_seal s where s.evaluation_id = e.id)"), n -> n == 0);
    }

    /** How many batches this instance has sealed (its sealing timer's count). */
    private static double sealingRounds(ServiceProcess instance) {
        String metrics = instance.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("orders_audit_sealing_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int rulesetOf(ServiceProcess instance, Map<String, Object> order) {
        return dryRun(instance, order).then().statusCode(200).extract().path("rulesetVersion");
    }

    private static Response dryRun(ServiceProcess instance, Map<String, Object> order) {
        return instance.given().contentType(ContentType.JSON).body(order).post("/api/evaluations");
    }

    private static void activate(ServiceProcess instance, int version, String approver) {
        instance.as(approver, "rules-secret").contentType(ContentType.JSON)
                .body(Map.of("comment", "two instances test")).post("/api/rulesets/" + version + "/activation")
                .then().statusCode(200);
    }

    private static Map<String, Object> withItem(Map<String, Object> order, String productCode) {
        Map<String, Object> changed = new HashMap<>(order);
        changed.put("items", List.of(Map.of("productCode", "T-FIBER-300", "quantity", 1),
                Map.of("productCode", productCode, "quantity", 1)));
        return changed;
    }

    /** The reference data the orders above need, put through one instance. */
    private static void openShop(ServiceProcess instance) {
        put(instance, "/api/products/T-FIBER-300", "{\"name\":\"Fibra 300\",\"kind\":\"SERVICE\","
                + "\"category\":\"FIBER_INTERNET\",\"price\":0.00,\"monthlyFee\":109.00,\"currency\":\"PEN\","
                + "\"financeable\":false,\"maxInstallments\":0,\"contractMonths\":12,\"downloadMbps\":300}");
        put(instance, "/api/coverage/15046", "{\"technologies\":[{\"technology\":\"FTTH\",\"maxDownloadMbps\":600}]}");
        put(instance, "/api/terms/2026-01",
                "{\"effectiveFrom\":\"2026-01-01\",\"url\":\"https://www.telco.pe/t/2026-01\"}");
        put(instance, "/api/customers/DNI/" + Shop.GOOD_PAYER, "{\"name\":\"Ana Prueba\",\"segment\":\"RESIDENTIAL\","
                + "\"customerSince\":\"2019-05-01\",\"creditScore\":780,\"overdueDebt\":0.00,\"products\":[]}");
    }

    private static void put(ServiceProcess instance, String path, String body) {
        instance.given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(common);
        settings.putAll(own);
        return settings;
    }

    /** An Ed25519 pair in the PEM files the service reads (PKCS#8 private key, X.509 public key). */
    private static void writeKeyPair(Path privateFile, Path publicFile) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static long count(String sql) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
