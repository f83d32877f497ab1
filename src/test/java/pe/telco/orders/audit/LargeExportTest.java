package pe.telco.orders.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.BulkHistoryProfile;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/** 100,000 evaluations of one order leave as a streamed CSV: every row arrives, none is held in memory at once. */
@QuarkusTest
@TestProfile(BulkHistoryProfile.class)
class LargeExportTest {

    private static final Logger LOG = Logger.getLogger(LargeExportTest.class);
    private static final int ROWS = 100_000;

    @Inject
    DataSource db;
    @TestHTTPResource("/api/audit/evaluations/export")
    URL export;

    @Test
    void streamsOneHundredThousandRows() throws Exception {
        Shop.open();
        long order = Shop.createOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into evaluation"
                + " (order_id, order_number, channel, customer_document, decision, ruleset_version, ruleset_hash, facts,"
                + " results, evaluated_at, duration_micros, actor, app_version, drools_version)"
                + " select ?, 'BULK-' || n, 'WEB', 'DNI:00000001', (array['RELEASED','HELD','REJECTED'])[1 + n % 3], 1,"
                + " 'fixture', '{}'::jsonb, '[{\"check\":\"CREDIT\",\"line\":0,\"outcome\":\"REVIEW\","
                + "\"code\":\"BULK_FIXTURE\"}]'::jsonb, timestamptz '2001-01-01 00:00:00-05' + n * interval '1 second',"
                + " n, 'test:bulk', 'test', 'test' from generate_series(1, ?) n")) {
            s.setLong(1, order);
            s.setInt(2, ROWS);
            assertThat(s.executeUpdate()).isEqualTo(ROWS);
        }
        awaitSealed();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long peak = baseline;
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(export + "?orderId=" + order)).header("Authorization", "Basic " + java.util.Base64
                        .getEncoder().encodeToString("aldo.auditor:auditor-secret".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 2;
                if (lines % 10_000 == 0) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                }
                if (lines == 2) {
                    assertThat(line).contains("BULK-" + ROWS).contains("CREDIT:BULK_FIXTURE");
                }
            }
        }
        assertThat(lines).isEqualTo(ROWS + 1);
        LOG.infof("Exported %d rows (%d kB) in %d ms; heap grew by at most %d MB over %d MB before",
                ROWS, bytes / 1024, (System.nanoTime() - started) / 1_000_000, (peak - baseline) >> 20, baseline >> 20);
    }

    /** Lets the sealer chain the bulk rows first (and logs its pace), so the export is measured on its own. */
    private static void awaitSealed() {
        long started = System.nanoTime();
        String future = java.time.OffsetDateTime.now().plusDays(1).toString();
        Eventually.within(Duration.ofMinutes(5), "all sealed", () -> io.restassured.RestAssured.given()
                .queryParam("from", future).get("/api/audit/verification").then().extract().jsonPath()
                .getLong("notYetSealed"), notYetSealed -> notYetSealed == 0);
        LOG.infof("The sealer chained %d bulk evaluations in %d ms", ROWS, (System.nanoTime() - started) / 1_000_000);
    }
}
