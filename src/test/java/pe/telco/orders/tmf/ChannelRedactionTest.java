package pe.telco.orders.tmf;

import pe.telco.orders.support.Shop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a channel may see: for every README decision, the channel's answers on TMF622 and on /api/orders carry the
 * decision, reason codes and the channel's messages, never the credit score, debt figures, rule sources or firings;
 * an auditor still reads all of it.
 */
@QuarkusTest
class ChannelRedactionTest {

    /** What store staff and apps must never read (the held order's internal message: "puntaje 560, deuda S/ 0.00"). */
    static final List<String> INTERNAL = List.of("puntaje", "deuda", "S/ 0.00", "firedRules", "\"rule\"",
            "\"sheet\"", "\"row\"", ".drl", "CREDIT-", "COV-", "DEC-", "CHK-", "facts", "rulesetHash");

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @ParameterizedTest
    @CsvSource({"released-fibre-and-tv.json, web, RELEASED", "held-financed-phone.json, app, HELD",
            "rejected-no-fibre.json, callcenter, REJECTED"})
    void aChannelSeesTheDecisionButNoInternals(String example, String channel, String decision) {
        JsonNode placed = ProductOrderDecisionsTest.place(channel, TmfShop.example(example), 201);
        String id = placed.path("id").asText();

        String tmfAnswer = placed.toString();
        String tmfRead = as(channel).get(ProductOrderDecisionsTest.PRODUCT_ORDER + "/" + id).asString();
        Response evaluation = as(channel).get("/api/orders/" + id + "/evaluation");
        String apiRead = evaluation.asString();
        String history = as(channel).get("/api/orders/" + id).asString();

        evaluation.then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo(decision));
        for (String answer : List.of(tmfAnswer, tmfRead, apiRead, history)) {
            assertThat(answer).doesNotContain(INTERNAL);
        }
        if (!decision.equals("RELEASED")) {
            assertThat(evaluation.<List<Map<String, Object>>>path("reasons")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r).containsKeys("code", "message").doesNotContainKey("rule"));
        }
    }

    @ParameterizedTest
    @CsvSource({"released-fibre-and-tv.json, web", "held-financed-phone.json, app",
            "rejected-no-fibre.json, callcenter"})
    void anAuditorStillReadsTheRulesAndRowsThatDecided(String example, String channel) {
        String id = ProductOrderDecisionsTest.place(channel, TmfShop.example(example), 201).path("id").asText();

        Response audit = given().auth().preemptive().basic("aldo.auditor", "auditor-secret")
                .get("/api/orders/" + id + "/evaluation");

        audit.then().statusCode(200);
        assertThat(audit.<List<Map<String, Object>>>path("firedRules")).isNotEmpty()
                .anySatisfy(f -> assertThat(f).containsKeys("rule", "source", "sheet", "row"));
        if (example.startsWith("held")) {
            assertThat(audit.<String>path("reasons.find { it.code == 'BORDERLINE_CREDIT' }.message"))
                    .contains("puntaje 560");
        }
    }

    @ParameterizedTest
    @CsvSource({"web", "app"})
    void aChannelEvaluatingOrDryRunningOnTheBackOfficeApiSeesNoInternals(String channel) {
        pe.telco.orders.support.Shop.open();
        var body = new java.util.HashMap<String, Object>(pe.telco.orders.support.Shop.phoneOrder(
                pe.telco.orders.support.Shop.BORDERLINE, "T-PHONE-A15", 12));
        body.put("channel", channel.toUpperCase());

        String created = as(channel).contentType(ContentType.JSON).body(body).post("/api/orders").path("id")
                .toString();
        Response decided = as(channel).post("/api/orders/" + created + "/evaluation");
        Response dryRun = as(channel).contentType(ContentType.JSON).body(body).post("/api/evaluations");

        decided.then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo("HELD"));
        dryRun.then().statusCode(200).body("decision", org.hamcrest.Matchers.equalTo("HELD"));
        assertThat(decided.asString()).doesNotContain(INTERNAL);
        assertThat(dryRun.asString()).doesNotContain(INTERNAL);
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-secret");
    }
}
