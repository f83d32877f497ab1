package pe.telco.orders.access;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every @QuarkusTest request goes as the test-profile user "tester" (all roles, no channel) unless the test says
 * otherwise with {@code given().auth()...}; the access tests use the real demo users.
 */
public class TesterCredentials implements QuarkusTestBeforeEachCallback {

    public static final String USER = "tester";
    public static final String PASSWORD = "tester-secret";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(USER, PASSWORD);
    }
}
