package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A rule author and a rule approver in a real browser: a broken workbook is refused naming its cell, a good one
 * becomes a candidate, its impact preview runs to the end, the author may not activate it and a second person does.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesConsoleBrowserTest {

    private static ConsoleBrowser browser;
    private static Integer candidate;

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    @BeforeEach
    void startBrowser() {
        Shop.open();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
        }
    }

    /** Other test classes expect the original rules: roll back to version 1 once a candidate went live. */
    @AfterEach
    void restoreVersionOne() {
        LiveRules.restoreVersionOne();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    @Order(1)
    void aBrokenWorkbookIsRefusedNamingItsCell() throws IOException {
        Path file = workbook("Puntaje desde", "650 ((");
        browser.as("ana.analyst", "analyst-secret").open("/console/rules");
        browser.find("#files").sendKeys(file.toString());
        browser.type("#comment", "Puntaje mal escrito");
        browser.click("#upload-button");

        String errors = browser.waitForText("#upload-errors", "credit.drl.xlsx");
        assertThat(errors).contains("Credito").containsPattern("\\b[A-Z]{1,2}\\d{1,3}\\b").contains("CREDIT-070")
                .contains("Regla CREDIT-070, «Puntaje desde").contains("no es un número entero");
        browser.screenshot("upload-refused");
    }

    @Test
    @Order(2)
    void aGoodWorkbookBecomesACandidateWithItsExamples() throws Exception {
        recentEvaluationsAreRealOrders();
        Path file = workbook("Monto financiado hasta", 7100);
        browser.as("ana.analyst", "analyst-secret").open("/console/rules");
        browser.screenshot("rules");
        browser.find("#files").sendKeys(file.toString());
        browser.type("#comment", "Buen pagador hasta S/ 7100");
        browser.click("#upload-button");

        browser.find("#uploaded, #upload-errors");
        assertThat(browser.driver.findElements(By.id("upload-errors"))).as("upload refused: %s",
                browser.driver.findElements(By.id("upload-errors")).stream().map(e -> e.getText()).toList()).isEmpty();
        browser.waitForText("#uploaded", "candidata");
        assertThat(browser.find("#status").getText()).isEqualTo("Candidata");
        assertThat(browser.find("#examples").getText()).contains("Pasa");
        candidate = Integer.valueOf(browser.driver.getCurrentUrl().replaceAll(".*/rules/(\\d+).*", "$1"));
        browser.screenshot("candidate");

        browser.click("#diff-link");
        assertThat(browser.waitForText("main", "CREDIT-070")).contains("7100");
    }

    @Test
    @Order(3)
    void theImpactPreviewRunsToTheEnd() {
        assertThat(candidate).as("the candidate of the previous step").isNotNull();
        browser.as("ana.analyst", "analyst-secret").open("/console/rules/" + candidate);
        browser.click("#impact-button");

        browser.waitForText("#impact-state", "Terminado");
        assertThat(browser.find("#impact-summary").getText()).contains("evaluaciones revisadas");
        assertThat(browser.find("#impact-progress").getAttribute("aria-valuenow")).isEqualTo("100");
        browser.screenshot("impact");
    }

    @Test
    @Order(4)
    void theAuthorMayNotActivateButASecondPersonDoes() {
        assertThat(candidate).as("the candidate of the previous steps").isNotNull();
        browser.as("ana.analyst", "analyst-secret").open("/console/rules/" + candidate);
        assertThat(browser.find("#activation-refused").getText()).contains("aprobador de reglas");
        assertThat(browser.driver.findElements(By.id("activate-button"))).isEmpty();

        browser.as("rita.rules", "rules-secret").open("/console/rules/" + candidate);
        browser.type("#activation-comment", "Revisado el impacto");
        browser.click("#activate-button");

        browser.waitForText("#activated", String.valueOf(candidate));
        assertThat(browser.find("#status").getText()).isEqualTo("Activa");
        assertThat((int) given().get("/api/rulesets/active").then().extract().path("version")).isEqualTo(candidate);
    }

    @Test
    @Order(5)
    void aDecisionTableShowsItsRowsAndHowOftenTheyFired() {
        browser.as("rita.rules", "rules-secret").open("/console/rules/1/tables/credit.drl.xlsx?row=CREDIT-070");
        assertThat(browser.find("#row-CREDIT-070").getAttribute("class")).contains("highlight");
        assertThat(browser.find("main").getText()).contains("CREDIT-010", "Disparos (30 días)");
        browser.screenshot("decision-table");
    }

    /**
     * An upload re-runs the newest stored evaluations and is refused if the rules fail on one. Other test classes
     * leave synthetic evaluations with empty facts ('{}') behind; copy a real order's evaluation over them (by SQL,
     * as the audit tests insert theirs) so this upload is checked against real orders, whatever ran before.
     */
    private void recentEvaluationsAreRealOrders() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Shop.fibreOrder(Shop.newDni(), "15046"));
        body.put("channel", "WEB");
        long order = Shop.createOrder(given().auth().preemptive().basic("web", "web-secret"), body);
        given().auth().preemptive().basic("web", "web-secret").post("/api/orders/" + order + "/evaluation").then()
                .statusCode(200);
        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "insert into evaluation (order_id, order_number, channel, customer_document, decision,"
                        + " ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros, actor,"
                        + " app_version, drools_version) select order_id, order_number, channel, customer_document,"
                        + " decision, ruleset_version, ruleset_hash, facts, results, evaluated_at, duration_micros,"
                        + " actor, app_version, drools_version from evaluation e, generate_series(1, 200)"
                        + " where e.id = (select max(id) from evaluation where order_id = ?)")) {
            s.setLong(1, order);
            assertThat(s.executeUpdate()).isEqualTo(200);
        }
    }

    /** The real credit workbook with one cell of rule CREDIT-070 changed, saved where the browser can read it. */
    private static Path workbook(String column, Object value) throws IOException {
        byte[] original = Files.readAllBytes(Path.of("decision-tables", "credit.drl.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(original));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell cell = cell(sheet, find(sheet, c -> text(c).equals("CREDIT-070")).getRowIndex(),
                    find(sheet, c -> text(c).startsWith(column)).getColumnIndex());
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            workbook.write(out);
            Path dir = Files.createTempDirectory("console-upload-");
            Path file = dir.resolve("credit.drl.xlsx");
            Files.write(file, out.toByteArray());
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        }
    }

    private static Cell find(Sheet sheet, java.util.function.Predicate<Cell> test) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (test.test(cell)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no such cell in " + sheet.getSheetName());
    }

    private static String text(Cell cell) {
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
    }

}
