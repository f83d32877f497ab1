package pe.telco.orders.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one place that knows how to reach the service: base URL, optional HTTP Basic credentials and every endpoint
 * path the benchmarks call. Adapt here when paths or authentication change.
 *
 * <p>Environment: {@code BENCH_BASE_URL} (set by run.sh), {@code BENCH_USER} and {@code BENCH_PASSWORD} (sent as
 * HTTP Basic when the user is set), {@code BENCH_APPROVER_USER} and {@code BENCH_APPROVER_PASSWORD} (a second
 * person, who activates the ruleset versions the first one uploads: four eyes).
 */
final class Target {

    static final String ORDERS = "/api/orders";
    static final String EVALUATION = "/api/orders/%d/evaluation";
    static final String DRY_RUN = "/api/evaluations";
    static final String PRODUCT_ORDER = "/tmf-api/productOrderingManagement/v5/productOrder";
    static final String ECHO = "/api/benchmark/echo";
    static final String OPENAPI = "/q/openapi?format=json";
    static final String RULESETS = "/api/rulesets";
    static final String ACTIVATION = "/api/rulesets/%d/activation";
    /** The bare Quarkus REST application's echo (benchmark/bare). */
    static final String BARE_ECHO = "/echo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient client;

    Target(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = user == null || user.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Target fromEnvironment(String baseUrl) {
        return new Target(baseUrl, System.getenv("BENCH_USER"), System.getenv("BENCH_PASSWORD"));
    }

    /** The same service, as the second person who may activate rulesets. */
    Target asApprover() {
        return new Target(baseUrl, System.getenv("BENCH_APPROVER_USER"), System.getenv("BENCH_APPROVER_PASSWORD"));
    }

    /** A multipart upload of one file, as a browser form would send it. */
    HttpRequest upload(String path, String fileName, byte[] content, String comment) {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n" + comment
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // the upload answers once the candidate is checked in the sandbox: minutes for a table of thousands of rows
        return request(path).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build();
    }

    HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    HttpRequest put(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpClient client() {
        return client;
    }

    /** Waits until the service says it is ready (a copy started by run.sh may still be starting). */
    void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            try {
                expect(send(get("/q/health/ready")), 200);
                return;
            } catch (java.io.IOException | IllegalStateException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The service at " + baseUrl + " was not ready within 180 s", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Puts the devices the benchmark orders ({@link OrderBodies}) on hand by the million at every demo location. A run
     * stores tens of thousands of orders, and the demo data's few hundred units ran out within the first scenario:
     * after that the mix's released phone, and every order of the audit-scaling run, was refused for stock and stored
     * less than the order it stands for. PHONE-IP15-128 stays at none: it is the mix's stock refusal.
     */
    void stockUp() throws Exception {
        for (String product : List.of("PHONE-A15-128", "PHONE-PREPAGO-32", "ROUTER-WIFI6")) {
            for (String location : List.of("WH-LIMA-NORTE", "WH-LIMA-SUR", "ST-JOCKEY", "ST-MEGAPLAZA")) {
                expect(send(put("/api/stock/" + location + "/" + product, "{\"quantity\":1000000}")), 200);
            }
        }
    }

    /** Creates an order and evaluates it; answers the decision and the number of rules that fired. */
    Map<String, Object> createAndEvaluate(String body) throws Exception {
        HttpResponse<String> created = expect(send(post(ORDERS, body)), 201);
        HttpResponse<String> evaluated = expect(send(post(String.format(EVALUATION, idOf(created)), null)), 200);
        JsonNode answer = JSON.readTree(evaluated.body());
        return Map.of("decision", answer.path("decision").asText(), "firings", answer.path("firedRules").size());
    }

    /** The same without waiting: for open-loop load, where orders start on schedule whatever the answers. */
    CompletableFuture<?> createAndEvaluateAsync(String body) {
        return client.sendAsync(post(ORDERS, body), HttpResponse.BodyHandlers.ofString())
                .thenCompose(created -> client.sendAsync(
                        post(String.format(EVALUATION, idOf(expect(created, 201))), null),
                        HttpResponse.BodyHandlers.ofString()))
                .thenApply(evaluated -> expect(evaluated, 200));
    }

    private static long idOf(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("201 without Location"));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The response if its status is one of {@code statuses}; otherwise fails with what the service said. */
    static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        String body = response.body() == null ? "" : response.body();
        throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
                + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
    }
}
