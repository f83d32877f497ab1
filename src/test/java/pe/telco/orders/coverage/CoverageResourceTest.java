package pe.telco.orders.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;

@QuarkusTest
class CoverageResourceTest {

    @Test
    void replacesWhatIsAvailableAtAPostalCode() {
        put("15074", List.of(tech("FTTH", 1000), tech("HFC", 500), tech("NR5G", 1500))).then().statusCode(200)
                .body("postalCode", equalTo("15074"))
                .body("technologies.technology", contains("FTTH", "HFC", "NR5G"));
        put("15074", List.of(tech("LTE", 150), tech("FTTH", 600))).then().statusCode(200);
        given().get("/api/coverage/15074").then().statusCode(200)
                .body("technologies.technology", contains("FTTH", "LTE"))
                .body("technologies.find { it.technology == 'FTTH' }.maxDownloadMbps", equalTo(600));
    }

    @Test
    void answersAnEmptyListWhereNothingIsKnown() {
        given().get("/api/coverage/99999").then().statusCode(200)
                .body("postalCode", equalTo("99999"))
                .body("technologies", empty());
    }

    @Test
    void anEmptyListClearsThePostalCode() {
        put("15841", List.of(tech("LTE", 100))).then().statusCode(200);
        put("15841", List.of()).then().statusCode(200).body("technologies", empty());
        given().get("/api/coverage/15841").then().body("technologies", empty());
    }

    @Test
    void listsEachBadEntryAndKeepsWhatWasThere() {
        put("15046", List.of(tech("FTTH", 600))).then().statusCode(200);
        var bad = new java.util.ArrayList<Object>(List.of(tech("HFC", 0), Map.of("maxDownloadMbps", 10)));
        bad.add(null);
        put("15046", bad).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(
                        "technologies[0].maxDownloadMbps", "technologies[1].technology", "technologies[2]"));
        put("15046", List.of(tech("LTE", 100), tech("LTE", 200))).then().statusCode(400)
                .body("errors.field", contains("technologies[1].technology"));
        given().get("/api/coverage/15046").then().body("technologies.technology", contains("FTTH"));
    }

    /** Two replacements at once: the postal code ends with exactly one of the two lists, never a mix or a 500. */
    @Test
    void replacementsAtTheSameMomentApplyOneAfterTheOther() throws Exception {
        List<Map<String, Object>> fibre = List.of(tech("FTTH", 1000), tech("HFC", 500));
        List<Map<String, Object>> mobile = List.of(tech("LTE", 150), tech("NR5G", 1200));
        for (int round = 0; round < 10; round++) {
            List<Integer> statuses = Race.together(() -> put("15063", fibre).statusCode(),
                    () -> put("15063", mobile).statusCode());

            assertThat(statuses).containsOnly(200);
            assertThat(given().get("/api/coverage/15063").then().statusCode(200).extract()
                    .<List<String>>path("technologies.technology"))
                    .isIn(List.of("FTTH", "HFC"), List.of("LTE", "NR5G"));
        }
    }

    @Test
    void rejectsAnUnknownTechnologyAndABadPostalCode() {
        put("15046", List.of(tech("WIMAX", 10))).then().statusCode(400)
                .body("errors[0].field", equalTo("technologies[0].technology"));
        put("1504", List.of(tech("LTE", 10))).then().statusCode(400).body("errors.field", contains("postalCode"));
        given().get("/api/coverage/ABCDE").then().statusCode(400).body("errors.field", contains("postalCode"));
        given().contentType(ContentType.JSON).body(Map.of()).put("/api/coverage/15046").then().statusCode(400)
                .body("errors.field", contains("technologies"));
    }

    static Map<String, Object> tech(String technology, int mbps) {
        return Map.of("technology", technology, "maxDownloadMbps", mbps);
    }

    static io.restassured.response.Response put(String postalCode, List<?> technologies) {
        var body = new java.util.HashMap<String, Object>();
        body.put("technologies", technologies);
        return given().contentType(ContentType.JSON).body(body).put("/api/coverage/{pc}", postalCode);
    }
}
