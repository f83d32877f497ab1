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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A rule approver schedules a candidate's activation in a real browser: in Spanish for tomorrow at midnight and
 * cancels it, in English a few seconds ahead and sees it go live and in the activation history as scheduled.
 */
@QuarkusTest
class ScheduleConsoleBrowserTest {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static ConsoleBrowser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowser() {
        Shop.open();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
        }
    }

    @AfterEach
    void restoreVersionOne() {
        List<Integer> waiting = given().get("/api/rulesets/activation-schedules?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.state == 'PENDING' }.id");
        waiting.forEach(id -> approver().delete("/api/rulesets/activation-schedules/" + id));
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
    void anApproverSchedulesForMidnightInLimaAndCancelsInSpanish() throws IOException {
        int candidate = uploadCandidate(30);
        browser.as("rita.rules", "rules-secret").open("/console/rules/" + candidate);
        String tomorrow = LocalDate.now(LIMA).plusDays(1).atStartOfDay().toString();
        assertThat(browser.find("#schedule-at").getAttribute("value")).startsWith(tomorrow);
        assertThat(browser.find("#schedule").getText()).contains("Activación programada", "Fecha y hora (Lima)");
        browser.type("#schedule-comment", "Política de crédito de diciembre");
        browser.click("#schedule-button");

        browser.waitForText("#scheduled", "se activará el");
        assertThat(browser.find("#schedule-pending").getText()).contains("programada por rita.rules",
                SHOWN.format(LocalDate.now(LIMA).plusDays(1).atStartOfDay()), "Política de crédito de diciembre");
        assertThat(browser.driver.findElements(By.id("schedule-button"))).isEmpty();
        given().get("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(200);
        browser.screenshot("schedule-pending");

        browser.type("#schedule-cancel-comment", "Se posterga");
        browser.click("#schedule-cancel-button");
        browser.waitForText("#schedule-cancelled", "Programación cancelada");
        assertThat(browser.find("#schedule-history").getText()).contains("Cancelada", "cancelada por rita.rules",
                "Se posterga");
        assertThat(browser.find("#schedule-button").isDisplayed()).isTrue();
        given().get("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(404);
        assertThat(LiveRules.activeVersion()).isEqualTo(1);
    }

    @Test
    void anApproverSchedulesAFewSecondsAheadAndSeesItGoLiveInEnglish() throws IOException {
        int candidate = uploadCandidate(28);
        browser.as("rita.rules", "rules-secret").open("/console/rules/" + candidate + "?lang=en");
        assertThat(browser.find("#schedule").getText()).contains("Scheduled activation", "Date and time (Lima)");
        // a time already past is refused, in English, and nothing is stored
        setDateTime(LocalDateTime.now(LIMA).minusMinutes(10));
        browser.type("#schedule-comment", "too late");
        browser.click("#schedule-button");
        assertThat(browser.waitForText("#schedule-error", "has passed")).contains("Not scheduled; nothing changed");
        given().get("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(404);

        LocalDateTime at = LocalDateTime.now(LIMA).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        setDateTime(at);
        browser.type("#schedule-comment", "Month-start credit policy");
        browser.click("#schedule-button");
        browser.waitForText("#scheduled", "will be activated at");
        assertThat(browser.find("#schedule-pending").getText()).contains("scheduled by rita.rules",
                SHOWN.format(at));

        Eventually.within(Duration.ofSeconds(120), "version " + candidate + " active in the console", () -> {
            browser.open("/console/rules/" + candidate);
            return browser.find("#status").getText().equals("Active");
        });
        browser.open("/console/rules");
        String history = browser.find("#activation-history").getText();
        assertThat(history).contains("for " + SHOWN.format(at) + " by rita.rules",
                "Month-start credit policy");
        browser.screenshot("schedule-history");
    }

    /** Fills the date-time field as the browser's picker would ({@code yyyy-MM-ddTHH:mm:ss}, Lima). */
    private static void setDateTime(LocalDateTime at) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#schedule-at"),
                at.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static io.restassured.specification.RequestSpecification approver() {
        return given().auth().preemptive().basic("rita.rules", "rules-secret");
    }

    /** A business candidate uploaded by ana: CREDIT-070 financed in up to {@code instalments} instalments. */
    private static int uploadCandidate(int instalments) throws IOException {
        byte[] original = Files.readAllBytes(Path.of("decision-tables", "credit.drl.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(original));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell id = find(sheet, "CREDIT-070");
            Cell header = find(sheet, "Cuotas hasta");
            Row row = sheet.getRow(id.getRowIndex());
            Cell cell = row.getCell(header.getColumnIndex()) == null ? row.createCell(header.getColumnIndex())
                    : row.getCell(header.getColumnIndex());
            cell.setCellValue(instalments);
            workbook.write(out);
            return given().auth().preemptive().basic("ana.analyst", "analyst-secret")
                    .multiPart("comment", "cuotas " + instalments)
                    .multiPart("file", "credit.drl.xlsx", out.toByteArray(), "application/octet-stream")
                    .post("/api/rulesets").then().statusCode(201).extract().path("version");
        }
    }

    private static Cell find(Sheet sheet, String startsWith) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().trim().startsWith(startsWith)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell starting " + startsWith + " in " + sheet.getSheetName());
    }
}
