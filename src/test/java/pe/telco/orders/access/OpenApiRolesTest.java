package pe.telco.orders.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document tells client teams which role each operation needs. */
@QuarkusTest
class OpenApiRolesTest {

    @Test
    void operationsListTheRolesThatMayCallThem() {
        given().auth().none().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/orders'.post.security.flatten().collectMany { it.values().flatten() }",
                        hasItem(Roles.CHANNEL))
                .body("paths.'/api/rulesets/{version}/activation'.post.security.flatten()"
                        + ".collectMany { it.values().flatten() }", hasItem(Roles.RULE_APPROVER))
                .body("paths.'/api/audit/verification'.get.security.flatten().collectMany { it.values().flatten() }",
                        hasItem(Roles.AUDITOR));
    }
}
