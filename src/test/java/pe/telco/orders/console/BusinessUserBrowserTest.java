package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import pe.telco.orders.support.Shop;

/**
 * A business user's console in a real browser at 1366 px, the width of the laptops credit analysts use: the credit
 * table shows its outcome, reason, message and fired-count columns without scrolling sideways; the impact preview
 * lists the customer and the change of reason of an affected order; a rollback is listed with its comment; a
 * candidate its author withdrew offers no activation, and the API refuses it.
 */
@QuarkusTest
class BusinessUserBrowserTest {

    private static final int WIDTH = 1366;
    private static ConsoleBrowser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void startBrowser() {
        Shop.open();
        restoreVersionOne();
        if (browser == null) {
            browser = new ConsoleBrowser(base);
        }
        browser.driver.manage().window().setSize(new Dimension(WIDTH, 900));
    }

    @AfterEach
    void restoreVersionOne() {
        int active = given().get("/api/rulesets/active").then().statusCode(200).extract().path("version");
        if (active != 1) {
            given().auth().preemptive().basic("rita.rules", "rules-secret").contentType(ContentType.JSON)
                    .body(Map.of("comment", "vuelta a la versión 1 tras la prueba")).post("/api/rulesets/1/activation")
                    .then().statusCode(200);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theCreditTableShowsOutcomeReasonMessageAndFiringsWithinA1366PixelWindow() {
        browser.as("ana.analyst", "analyst-secret").open("/console/rules/1/tables/credit.drl.xlsx");
        WebElement table = browser.find("table.decision-table");
        assertThat(((Number) browser.driver.executeScript("return window.innerWidth")).intValue())
                .as("the window is as wide as the laptop").isLessThanOrEqualTo(WIDTH);

        for (String heading : List.of("Resultado", "Código de motivo", "Mensaje interno",
                "Mensaje para el canal", "Disparos (30 días)")) {
            WebElement th = table.findElements(By.cssSelector("thead th")).stream()
                    .filter(h -> h.getText().startsWith(heading)).findFirst()
                    .orElseThrow(() -> new AssertionError("no column " + heading));
            assertThat(withinWindow(th)).as("column «%s» is within the window", heading).isTrue();
        }
        WebElement row = browser.find("#row-CREDIT-070");
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(cells.size() - 1).getAttribute("class")).contains("fired");
        for (WebElement cell : cells) {
            assertThat(withinWindow(cell)).as("cell «%s» of CREDIT-070 is within the window", cell.getText()).isTrue();
        }
        assertThat(row.getText()).contains("PASS", "GOOD_PAYER", "Buen pagador");
        assertThat((Boolean) browser.driver.executeScript("var s = arguments[0].closest('.scroll');"
                + " return s.scrollWidth <= s.clientWidth + 1;", table)).as("the table does not scroll sideways")
                .isTrue();
    }

    @Test
    void theImpactPageListsTheCustomerAndTheReasonChangeOfAnAffectedOrder() throws IOException {
        Map<String, Object> order = evaluatedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 24));
        int candidate = upload(creditInstalments(12));

        browser.as("ana.analyst", "analyst-secret").open("/console/rules/" + candidate);
        browser.click("#impact-button");
        browser.waitForText("#impact-state", "Terminado");

        WebElement row = browser.find("#impact-order-" + order.get("orderNumber"));
        assertThat(row.findElement(By.cssSelector(".impact-customer")).getText())
                .isEqualTo("DNI " + Shop.GOOD_PAYER + " · Hogar");
        assertThat(row.getText()).contains("Liberado", "Retenido", "T-PHONE-A15");
        assertThat(row.findElement(By.cssSelector(".reasons-after")).getText())
                .contains("Crédito · Revisión · ABOVE_PROFILE_LIMIT");
        assertThat(withinWindow(row.findElement(By.cssSelector(".impact-customer")))).isTrue();
    }

    @Test
    void theActivationHistoryShowsARollbackWithItsComment() throws IOException {
        int candidate = upload(creditInstalments(18));
        given().auth().preemptive().basic("rita.rules", "rules-secret").contentType(ContentType.JSON)
                .body(Map.of("comment", "cuotas hasta 18")).post("/api/rulesets/" + candidate + "/activation").then()
                .statusCode(200);

        browser.as("roberto.rules", "rules-secret").open("/console/rules/1");
        assertThat(browser.find("#activation h2").getText()).isEqualTo("Volver a esta versión");
        browser.type("#activation-comment", "volvemos atrás: reclamos en tiendas");
        browser.click("#activate-button");
        browser.waitForText("#activated", "1");

        browser.open("/console/rules");
        WebElement latest = browser.find("#activation-history tbody tr");
        assertThat(latest.getText()).contains("vuelta atrás", "volvemos atrás: reclamos en tiendas", "roberto.rules",
                String.valueOf(candidate));
        assertThat(latest.findElement(By.cssSelector("a")).getText()).isEqualTo("1");
    }

    @Test
    void aCandidateItsAuthorWithdrewCannotBeActivated() throws IOException {
        int candidate = upload(creditInstalments(30));

        browser.as("ana.analyst", "analyst-secret").open("/console/rules/" + candidate);
        browser.type("#withdrawal-comment", "subí el archivo equivocado");
        browser.click("#withdraw-button");
        assertThat(browser.waitForText("#status", "Anulada")).isEqualTo("Anulada por su autor");

        browser.as("rita.rules", "rules-secret").open("/console/rules/" + candidate);
        assertThat(browser.find("#activation-refused").getText()).contains("Su autor anuló esta versión");
        assertThat(browser.driver.findElements(By.id("activate-button"))).isEmpty();
        assertThat(browser.find("#withdrawal").getText()).contains("subí el archivo equivocado");
        given().auth().preemptive().basic("rita.rules", "rules-secret").contentType(ContentType.JSON)
                .body(Map.of("comment", "igual la activo")).post("/api/rulesets/" + candidate + "/activation").then()
                .statusCode(409);
        assertThat((int) given().get("/api/rulesets/active").then().extract().path("version")).isEqualTo(1);
    }

    /** True when the element lies inside the window's width as laid out (page scrolled to its left edge). */
    private static boolean withinWindow(WebElement element) {
        return (Boolean) browser.driver.executeScript("window.scrollTo(0, window.scrollY);"
                + " var r = arguments[0].getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;", element);
    }

    private static Map<String, Object> evaluatedOrder(Map<String, Object> body) {
        var app = given().auth().preemptive().basic("app", "app-secret");
        Map<String, Object> order = app.contentType(ContentType.JSON).body(body).post("/api/orders").then()
                .statusCode(201).extract().as(Map.class);
        given().auth().preemptive().basic("app", "app-secret").post("/api/orders/" + order.get("id") + "/evaluation")
                .then().statusCode(200);
        return order;
    }

    private static int upload(byte[] workbook) {
        return given().auth().preemptive().basic("ana.analyst", "analyst-secret")
                .multiPart("comment", "cuotas de CREDIT-070")
                .multiPart("file", "credit.drl.xlsx", workbook, "application/octet-stream").post("/api/rulesets")
                .then().statusCode(201).extract().path("version");
    }

    /** The shipped credit table with CREDIT-070 financed in up to {@code instalments} instalments. */
    private static byte[] creditInstalments(int instalments) throws IOException {
        byte[] original = Files.readAllBytes(Path.of("decision-tables", "credit.drl.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(original));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            int row = -1;
            int column = -1;
            for (Row r : sheet) {
                for (Cell c : r) {
                    String text = c.getCellType() == CellType.STRING ? c.getStringCellValue().trim() : "";
                    row = text.equals("CREDIT-070") ? c.getRowIndex() : row;
                    column = text.startsWith("Cuotas hasta") ? c.getColumnIndex() : column;
                }
            }
            sheet.getRow(row).getCell(column).setCellValue(instalments);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
