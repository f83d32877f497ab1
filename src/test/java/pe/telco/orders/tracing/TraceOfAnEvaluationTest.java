package pe.telco.orders.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/**
 * One trace follows an evaluation from the HTTP request through the decision to the SQL that stores it; its id
 * comes back in {@code X-Trace-Id} and is stored on the evaluation. Spans are the real SDK's, collected in memory.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class TraceOfAnEvaluationTest {

    private static final String HEX32 = "[0-9a-f]{32}";
    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final List<AttributeKey<String>> SQL_TEXT = List.of(AttributeKey.stringKey("db.statement"),
            AttributeKey.stringKey("db.query.text"));

    @Inject
    Instance<InMemorySpanExporter> collected;
    @Inject
    @Any
    Instance<SpanExporter> exporters;
    @Inject
    OpenTelemetry openTelemetry;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void oneTraceSpansTheRequestTheDecisionAndItsSqlAndIsStoredOnTheEvaluation() {
        long orderId = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"));
        ExtractableResponse<Response> answer = given().post("/api/orders/" + orderId + "/evaluation").then()
                .statusCode(200).body("decision", equalTo("RELEASED")).extract();
        String traceId = answer.header(TraceIdHeader.NAME);
        assertThat(traceId).matches(HEX32);
        long evaluationId = answer.<Number>path("evaluationId").longValue();
        given().get("/api/audit/evaluations/" + evaluationId).then().statusCode(200)
                .body("traceId", equalTo(traceId));

        List<SpanData> trace = Eventually.within(EXPORTED, "the evaluation's spans exported", () -> spansOf(traceId),
                spans -> spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                        && spans.stream().anyMatch(sql("insert into evaluation")));
        SpanData server = only(trace, s -> s.getKind() == SpanKind.SERVER);
        assertThat(server.getName()).isEqualTo("POST /api/orders/{id}/evaluation");
        assertThat(server.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();
        SpanData evaluation = only(trace, s -> s.getName().equals("evaluate order"));
        SpanData insert = only(trace, sql("insert into evaluation"));
        assertThat(ancestors(trace, evaluation)).contains(server.getSpanId());
        assertThat(ancestors(trace, insert)).as("the INSERT is part of the evaluation").contains(evaluation.getSpanId());
        assertThat(only(trace, s -> s.getName().equals("gather facts")).getParentSpanId())
                .isEqualTo(evaluation.getSpanId());
        SpanData rules = only(trace, s -> s.getName().equals("run rules"));
        assertThat(rules.getParentSpanId()).isEqualTo(evaluation.getSpanId());
        assertThat(rules.getAttributes().get(AttributeKey.stringKey("orders.decision"))).isEqualTo("RELEASED");
        assertThat(evaluation.getAttributes().get(AttributeKey.longKey("orders.evaluation_id"))).isEqualTo(evaluationId);
    }

    @Test
    void aCallersTraceIsJoinedReturnedAndStored() {
        String callersTrace = hex(16);
        String callersSpan = hex(8);
        long orderId = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"));
        ExtractableResponse<Response> answer = given().header("traceparent", "00-" + callersTrace + "-" + callersSpan
                + "-01").post("/api/orders/" + orderId + "/evaluation").then().statusCode(200).extract();

        assertThat(answer.header(TraceIdHeader.NAME)).isEqualTo(callersTrace);
        given().get("/api/audit/evaluations/" + answer.<Number>path("evaluationId").longValue()).then()
                .statusCode(200).body("traceId", equalTo(callersTrace));
        SpanData server = Eventually.found(EXPORTED, "the request's span exported", () -> spansOf(callersTrace)
                .stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst());
        assertThat(server.getParentSpanId()).isEqualTo(callersSpan);
    }

    @Test
    void everyAnswerNamesItsTraceErrorsIncluded() {
        given().get("/api/orders/987654321").then().statusCode(404)
                .header(TraceIdHeader.NAME, matchesPattern(HEX32));
        given().auth().none().get("/api/orders").then().statusCode(401)
                .header(TraceIdHeader.NAME, matchesPattern(HEX32));
        given().contentType(ContentType.JSON).body("{\"externalId\":").post("/api/orders").then().statusCode(400)
                .header(TraceIdHeader.NAME, matchesPattern(HEX32));
        given().contentType(ContentType.JSON).body(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"))
                .post("/api/evaluations").then().statusCode(200).header(TraceIdHeader.NAME, matchesPattern(HEX32));
    }

    @Test
    void theAuditorsPageShowsTheTraceInBothLanguages() {
        long orderId = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"));
        ExtractableResponse<Response> answer = given().post("/api/orders/" + orderId + "/evaluation").then()
                .statusCode(200).extract();
        String traceId = answer.header(TraceIdHeader.NAME);
        String page = "/console/audit/evaluations/" + answer.<Number>path("evaluationId").longValue();

        ConsoleSession auditor = ConsoleSession.signIn("aldo.auditor", "auditor-secret");
        auditor.given().get(page).then().statusCode(200)
                .body(containsString("Traza (OpenTelemetry)"), containsString("id=\"trace-id\">" + traceId + "<"));
        auditor.given().cookie("console-lang", "en").get(page).then().statusCode(200)
                .body(containsString("Trace (OpenTelemetry)"), containsString(traceId));
    }

    @Test
    void aRelayRoundIsOneSpanAndSqlOutsideTracedWorkMakesNoTraceOfItsOwn() {
        long orderId = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"));
        long evaluationId = given().post("/api/orders/" + orderId + "/evaluation").then().statusCode(200).extract()
                .<Number>path("evaluationId").longValue();

        SpanData round = Eventually.found(EXPORTED, "a relay round exported", () -> finished().stream()
                .filter(s -> s.getName().equals("relay round")).findFirst());
        assertThat(round.getParentSpanContext().isValid()).isFalse();
        assertThat(round.getAttributes().get(AttributeKey.longKey("orders.events"))).isPositive();
        Eventually.within(EXPORTED, "the round's UPDATE of the outbox exported", () -> spansOf(round.getTraceId())
                .stream().anyMatch(sql("update outbox_event")));
        // the sealer (SQL on a background thread every 200 ms) has chained the evaluation by now
        Eventually.within(EXPORTED, "the evaluation sealed", () -> given().get("/api/audit/evaluations/"
                + evaluationId).then().statusCode(200).extract().path("seal.hash") != null);
        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

        assertThat(finished()).as("SQL spans without a parent").noneMatch(s -> sqlText(s).isPresent()
                && !s.getParentSpanContext().isValid());
    }

    @Test
    void withoutACollectorSpansAreDroppedInsteadOfSentToLocalhost() {
        // Quarkus' OTLP exporter stands aside whenever a SpanExporter bean is found: ours, while no endpoint is set
        assertThat(exporters.stream().map(Object::getClass).map(Class::getName))
                .anyMatch(name -> name.startsWith(UnconfiguredCollector.class.getName()));
        assertThat(((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().toString())
                .doesNotContain("VertxGrpcSpanExporter").doesNotContain("VertxHttpSpanExporter");
    }

    private List<SpanData> finished() {
        return collected.get().getFinishedSpanItems();
    }

    private List<SpanData> spansOf(String traceId) {
        return finished().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> spans, Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as("matching spans among " + spans.stream().map(SpanData::getName).toList()).hasSize(1);
        return found.get(0);
    }

    /** Span ids from this span's parent up to the root of the trace. */
    private static Set<String> ancestors(List<SpanData> trace, SpanData span) {
        Map<String, SpanData> byId = new java.util.HashMap<>();
        trace.forEach(s -> byId.put(s.getSpanId(), s));
        Set<String> ancestors = new HashSet<>();
        for (SpanData at = byId.get(span.getParentSpanId()); at != null; at = byId.get(at.getParentSpanId())) {
            ancestors.add(at.getSpanId());
        }
        return ancestors;
    }

    private static Predicate<SpanData> sql(String prefix) {
        return s -> sqlText(s).filter(text -> text.toLowerCase().startsWith(prefix)).isPresent();
    }

    private static Optional<String> sqlText(SpanData span) {
        return SQL_TEXT.stream().map(key -> span.getAttributes().get(key)).filter(v -> v != null).findFirst();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
