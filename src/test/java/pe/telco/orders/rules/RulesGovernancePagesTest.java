package pe.telco.orders.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/** The console shows the rules' governance: an author withdraws a candidate there, and every activation is listed. */
@QuarkusTest
class RulesGovernancePagesTest {

    @BeforeEach
    void originalRules() {
        Shop.open();
        LiveRules.restoreVersionOne();
    }

    @AfterEach
    void backToOriginalRules() {
        LiveRules.restoreVersionOne();
    }

    @Test
    void anAuthorWithdrawsACandidateOnItsPageAndNobodyCanActivateItThen() {
        int version = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(32))
                .then().statusCode(201).extract().path("version");
        String page = "/console/rules/" + version;
        ConsoleSession ana = ConsoleSession.signIn("ana.analyst", "analyst-secret");
        assertThat(html(ana, page)).contains("id=\"withdraw-button\"");
        ConsoleSession rita = ConsoleSession.signIn("rita.rules", "rules-secret");
        assertThat(html(rita, page)).doesNotContain("id=\"withdraw-button\"");

        ana.given().formParam("form-token", ana.formToken(page)).formParam("comment", "subí la tabla equivocada")
                .post(page + "/withdrawal").then().statusCode(303);

        assertThat(html(ana, page)).contains("Anulada por su autor").contains("subí la tabla equivocada")
                .doesNotContain("id=\"withdraw-button\"");
        assertThat(html(rita, page)).contains("id=\"activation-refused\"").contains("Su autor anuló esta versión")
                .doesNotContain("id=\"activate-button\"");
        RulesetUploads.activate(version, "bob").then().statusCode(409);
    }

    @Test
    void theVersionsPageListsEveryActivationAndRollbackWithWhoAndWhy() {
        int version = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(34))
                .then().statusCode(201).extract().path("version");
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "cuotas ampliadas"))
                .post("/api/rulesets/" + version + "/activation").then().statusCode(200);
        RulesetUploads.as("carla").contentType(ContentType.JSON).body(Map.of("comment", "volvemos atrás: reclamos"))
                .post("/api/rulesets/1/activation").then().statusCode(200);

        String versions = html(ConsoleSession.signIn("aldo.auditor", "auditor-secret"), "/console/rules");
        String history = versions.substring(versions.indexOf("id=\"activation-history\""));
        assertThat(history).contains("volvemos atrás: reclamos").contains("roberto.rules").contains("vuelta atrás")
                .contains("cuotas ampliadas").contains("rita.rules");
        assertThat(history.indexOf("volvemos atrás")).isLessThan(history.indexOf("cuotas ampliadas"));
    }

    private static String html(ConsoleSession session, String path) {
        return session.given().accept("text/html").header("Accept-Language", "es").get(path).then().statusCode(200)
                .extract().asString();
    }

}
