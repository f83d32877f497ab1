package pe.telco.orders.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/**
 * The one active ruleset every test class shares: a test that switches it puts version 1 (the rules in the
 * repository) back before it ends, in an {@code @AfterEach} or a {@code finally}, because every other class decides
 * its orders with those rules.
 */
public final class LiveRules {

    private LiveRules() {
    }

    public static int activeVersion() {
        return given().get("/api/rulesets/active").then().statusCode(200).extract().path("version");
    }

    /** Makes {@code version} the live one (a rule approver who is not its author activates it), if it is not yet. */
    public static void activate(int version) {
        if (activeVersion() != version) {
            given().auth().preemptive().basic("rita.rules", "rules-secret").contentType(ContentType.JSON)
                    .body(Map.of("comment", "test switches the live rules")).post("/api/rulesets/" + version
                            + "/activation").then().statusCode(200);
        }
    }

    /** Brings the original rules back (a rollback to version 1) if something else is live. */
    public static void restoreVersionOne() {
        activate(1);
    }
}
