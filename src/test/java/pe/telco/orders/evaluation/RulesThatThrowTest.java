package pe.telco.orders.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/** A rule that throws on an order: the caller is told which rule, nothing is stored, the order can be evaluated later. */
@QuarkusTest
class RulesThatThrowTest {

    private static final String CUSTOMER = "39999991";
    private static final String BROKEN_RULE = """

            rule "BOOM-001 A rule with a bug in its consequence"
                salience 200000
            when
                CustomerFacts(documentNumber == "%s")
            then
                throw new IllegalStateException("division of the instalments by zero");
            end
            """.formatted(CUSTOMER);

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void answers422NamingTheRuleAndLeavesTheOrderAcknowledged() {
        int active = given().get("/api/rulesets/active").then().statusCode(200).extract().path("version");
        byte[] inventory = given().get("/api/rulesets/" + active + "/files/inventory.drl").then().statusCode(200)
                .extract().asByteArray();
        byte[] broken = (new String(inventory, StandardCharsets.UTF_8) + BROKEN_RULE).getBytes(StandardCharsets.UTF_8);
        int candidate = given().multiPart("comment", "a rule that throws").multiPart("file", "inventory.drl", broken)
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        LiveRules.activate(candidate);
        try {
            long order = Shop.createOrder(Shop.fibreOrder(CUSTOMER, "15046"));

            given().post("/api/orders/" + order + "/evaluation").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", containsString("rule-error"))
                    .body("detail", containsString("BOOM-001"))
                    .body("detail", containsString("division of the instalments by zero"));
            given().get("/api/orders/" + order).then().body("state", equalTo("acknowledged"));
            given().get("/api/orders/" + order + "/evaluation").then().statusCode(404);

            LiveRules.activate(active);
            given().post("/api/orders/" + order + "/evaluation").then().statusCode(200);
        } finally {
            LiveRules.activate(active);
        }
    }
}
