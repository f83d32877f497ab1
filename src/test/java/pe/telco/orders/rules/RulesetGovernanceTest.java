package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/** Who did what to the rules is visible: candidates withdrawn by their authors, every activation and rollback. */
@QuarkusTest
class RulesetGovernanceTest {

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
    void anAuthorWithdrawsACandidateWhichStaysInTheRecordAndCanNeverGoLive() {
        int version = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(30))
                .then().statusCode(201).extract().path("version");

        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "no"))
                .post("/api/rulesets/" + version + "/withdrawal").then().statusCode(403);
        RulesetUploads.as("dev").contentType(ContentType.JSON).body(Map.of("comment", "no"))
                .post("/api/rulesets/" + version + "/withdrawal").then().statusCode(409)
                .body("detail", containsString("only its author"));
        RulesetUploads.as("ana").contentType(ContentType.JSON).body(Map.of("comment", "me equivoqué de fila"))
                .post("/api/rulesets/" + version + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawal.by", equalTo("ana.analyst"))
                .body("withdrawal.reason", equalTo("me equivoqué de fila"));

        RulesetUploads.activate(version, "bob").then().statusCode(409).body("currentState", equalTo("WITHDRAWN"));
        RulesetUploads.as("ana").contentType(ContentType.JSON).body(Map.of())
                .post("/api/rulesets/" + version + "/withdrawal").then().statusCode(409);
        given().get("/api/rulesets/" + version).then().body("status", equalTo("WITHDRAWN"));
        assertThat(LiveRules.activeVersion()).isEqualTo(1);
    }

    @Test
    void theActivationHistoryShowsEachActivationAndRollbackWithWhoAndWhy() {
        int version = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(36))
                .then().statusCode(201).extract().path("version");
        RulesetUploads.as("bob").contentType(ContentType.JSON).body(Map.of("comment", "plazo mayor aprobado"))
                .post("/api/rulesets/" + version + "/activation").then().statusCode(200);
        RulesetUploads.as("carla").contentType(ContentType.JSON).body(Map.of("comment", "volvemos: reclamos"))
                .post("/api/rulesets/1/activation").then().statusCode(200);

        JsonPath history = given().get("/api/rulesets/activations?size=2").then().statusCode(200).extract().jsonPath();
        assertThat(history.getInt("items[0].version")).isEqualTo(1);
        assertThat(history.getInt("items[0].previous")).isEqualTo(version);
        assertThat(history.getString("items[0].activatedBy")).isEqualTo("roberto.rules");
        assertThat(history.getString("items[0].reason")).isEqualTo("volvemos: reclamos");
        assertThat(history.getBoolean("items[0].rollback")).isTrue();
        assertThat(history.getInt("items[1].version")).isEqualTo(version);
        assertThat(history.getString("items[1].activatedBy")).isEqualTo("rita.rules");
        assertThat(history.getBoolean("items[1].rollback")).isFalse();
        assertThat(history.getLong("total")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eachFilesSha256IsThePlainHashOfItsBytes() throws Exception {
        List<Map<String, Object>> files = given().get("/api/rulesets/1").then().statusCode(200).extract().jsonPath()
                .getList("files");
        assertThat(files).isNotEmpty();
        for (Map<String, Object> file : files) {
            byte[] bytes = given().get((String) file.get("download")).then().statusCode(200).extract().asByteArray();
            assertThat(file.get("sha256")).as((String) file.get("name"))
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void warningsTheBaseVersionAlreadyHadAreMarkedAndANewOneIsNot() {
        JsonPath unchanged = RulesetUploads.upload("ana", RulesetUploads.creditInstalments(30))
                .then().statusCode(201).extract().jsonPath();
        assertThat(unchanged.getList("report.warnings.inBase", Boolean.class)).isNotEmpty().containsOnly(true);

        RuleFile approval = Workbooks.edited("approval.drl.xlsx", sheet -> {
            int row = Workbooks.find(sheet, "APPR-030").getRowIndex();
            Workbooks.cell(sheet, row, Workbooks.column(sheet, "Total del pedido desde")).setBlank();
            Workbooks.cell(sheet, row, Workbooks.column(sheet, "Financiado desde")).setCellValue(6000);
        });
        List<Map<String, Object>> warnings = RulesetUploads.upload("ana", approval).then().statusCode(201).extract()
                .jsonPath().getList("report.warnings");
        assertThat(warnings).anySatisfy(w -> {
            assertThat((String) w.get("message")).contains("Row APPR-030 can never fire");
            assertThat(w.get("inBase")).isEqualTo(false);
        });
    }

}
