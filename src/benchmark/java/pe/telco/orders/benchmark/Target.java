package pe.telco.orders.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

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
        return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build();
    }

    HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
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
}
