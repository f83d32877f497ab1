package pe.telco.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/** A channel that retries with the same Idempotency-Key gets the original answer, and only one order exists. */
@QuarkusTest
class IdempotentOrdersTest {

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheOriginalAnswer() {
        Map<String, Object> body = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        String key = UUID.randomUUID().toString();

        Response first = post(key, body);
        Response retry = post(key, body);

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id"))).body("orderNumber", equalTo(first.path("orderNumber")));
        given().get("/api/orders?externalId=" + body.get("externalId")).then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, Shop.fibreOrder(Shop.GOOD_PAYER, "15046")).then().statusCode(201);
        Map<String, Object> other = new HashMap<>(Shop.fibreOrder(Shop.GOOD_PAYER, "15074"));

        post(key, other).then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        given().get("/api/orders?externalId=" + other.get("externalId")).then().body("total", equalTo(0));
    }

    @Test
    void concurrentRetriesCreateExactlyOneOrder() throws Exception {
        Map<String, Object> body = Shop.fibreOrder(Shop.GOOD_PAYER, "15046");
        String key = UUID.randomUUID().toString();

        List<Response> answers = Race.times(8, () -> post(key, body));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.<Integer>path("id")).distinct()).hasSize(1);
        given().get("/api/orders?externalId=" + body.get("externalId")).then().body("total", equalTo(1));
    }

    @Test
    void refusesAMalformedKey() {
        post("bad key with spaces", Shop.fibreOrder(Shop.GOOD_PAYER, "15046")).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/orders");
    }
}
