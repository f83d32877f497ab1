package pe.telco.orders.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Shop;

/**
 * One time zone convention across the API (README, "Times"): every timestamp in an answer is an ISO-8601 time with
 * the operator's offset, America/Lima (-05:00, no daylight saving), never UTC or a time without offset.
 */
@QuarkusTest
class OperatorTimeEverywhereTest {

    private static final Pattern TIMESTAMP =
            Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(Z|[+-]\\d{2}:\\d{2})?\"");

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void everyTimestampOfTheBackOfficeApiIsInLimaTime() {
        long phone = released(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0));
        long fibre = released(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        Map<String, String> answers = new LinkedHashMap<>();
        for (long id : new long[] {phone, fibre}) {
            for (String path : List.of("", "/evaluation", "/history", "/shipments", "/work-orders")) {
                answers.put("/api/orders/" + id + path, get("/api/orders/" + id + path));
            }
        }
        answers.put("/api/orders?size=5", get("/api/orders?size=5"));
        answers.put("/api/audit/evaluations?size=5", get("/api/audit/evaluations?size=5"));
        answers.put("/api/rulesets", get("/api/rulesets"));
        answers.put("/api/rulesets/activations", get("/api/rulesets/activations"));
        answers.put("POST /api/evaluations", given().contentType("application/json").body(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"))
                .post("/api/evaluations").then().statusCode(200).extract().asString());

        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Matcher m = TIMESTAMP.matcher(answer.getValue());
            while (m.find()) {
                found.add(m.group(0));
                assertThat(m.group(2)).as("offset of %s in %s", m.group(0), answer.getKey()).isEqualTo("-05:00");
            }
        }
        assertThat(found).as("timestamps seen").hasSizeGreaterThan(15);
    }

    private static long released(Object order) {
        long id = given().contentType("application/json").body(order).post("/api/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200);
        return id;
    }

    private static String get(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }
}
