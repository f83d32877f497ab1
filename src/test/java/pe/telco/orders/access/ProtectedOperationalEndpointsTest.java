package pe.telco.orders.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in production: metrics for OPERATIONS, the API documents for any credentials, health for everyone. */
@QuarkusTest
@TestProfile(ProtectedOperationalEndpointsTest.AsInProduction.class)
class ProtectedOperationalEndpointsTest {

    /** The test profile with the production setting. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orders.access.protect-operational-endpoints", "true");
        }
    }

    @Test
    void metricsNeedTheOperationsRole() {
        given().auth().none().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("type", equalTo("https://problems.telco.pe/unauthorized"));
        given().auth().preemptive().basic("olga.ops", "wrong").get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("web", "web-secret").get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://problems.telco.pe/forbidden"));
        given().auth().preemptive().basic("olga.ops", "ops-secret").accept("text/plain").get("/q/metrics").then()
                .statusCode(200);
    }

    @Test
    void theApiDocumentsNeedCredentials() {
        given().auth().none().get("/q/openapi").then().statusCode(401).contentType("application/problem+json");
        given().auth().none().get("/q/swagger-ui/").then().statusCode(401);
        given().auth().preemptive().basic("web", "web-secret").get("/q/openapi").then().statusCode(200);
        given().auth().preemptive().basic("aldo.auditor", "auditor-secret").get("/q/swagger-ui/").then()
                .statusCode(200);
    }

    @Test
    void healthStaysOpen() {
        given().auth().none().get("/q/health").then().statusCode(200);
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }
}
