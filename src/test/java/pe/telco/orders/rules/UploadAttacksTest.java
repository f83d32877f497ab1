package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * The attacks a security review ran through rule uploads, each built here with Apache POI: none runs anything, each
 * is refused naming the cell (or file) at fault, the service keeps answering and the live rules stay as they were.
 */
@QuarkusTest
class UploadAttacksTest {

    private final Path marker = Path.of("target", "owned-" + UUID.randomUUID()).toAbsolutePath();
    private int activeBefore;
    private int versionsBefore;

    @BeforeEach
    void liveRules() {
        Shop.open();
        LiveRules.restoreVersionOne();
        activeBefore = LiveRules.activeVersion();
        versionsBefore = given().get("/api/rulesets").path("total");
    }

    @AfterEach
    void nothingRanAndNothingChanged() {
        assertThat(marker).doesNotExist();
        given().get("/q/health/live").then().statusCode(200);
        assertThat(LiveRules.activeVersion()).isEqualTo(activeBefore);
    }

    @Test
    void aMessageCellThatEndsTheStringWithAUnicodeEscapeIsRefused() {
        String cell = "Deuda\\u0022); java.nio.file.Files.writeString(java.nio.file.Path.of(\\u0022" + marker
                + "\\u0022), \\u0022x\\u0022); r.setMessage(\\u0022";
        refused(upload("ana", credit("CREDIT-010", "Mensaje", cell)), "credit.drl.xlsx!Credito!N11", "backslash");
    }

    @Test
    void aConditionCellThatRunsACommandIsRefused() {
        String cell = "0 && java.lang.Runtime.getRuntime().exec('touch " + marker + "') != null";
        refused(upload("ana", credit("CREDIT-070", "Puntaje desde", cell)), "credit.drl.xlsx!Credito!E17",
                "is not a whole number");
    }

    @Test
    void aResultCellThatStopsTheServiceIsRefused() {
        refused(upload("ana", credit("CREDIT-010", "Resultado", "PASS); System.exit(0); r = $q.answer(Outcome.PASS")),
                "credit.drl.xlsx!Credito!L11", "is not a code");
    }

    @Test
    void aFunctionsCellInTheSettingsIsRefused() {
        RuleFile functions = Workbooks.edited("credit.drl.xlsx", sheet -> {
            Workbooks.cell(sheet, 3, 0).setCellValue("Functions");
            Workbooks.cell(sheet, 3, 1).setCellValue("boolean owned() { try { java.nio.file.Files.writeString("
                    + "java.nio.file.Path.of(\"" + marker + "\"), \"x\"); } catch (Exception e) { } return true; }");
        });
        refused(upload("ana", functions), "credit.drl.xlsx!Credito!A4", "structure");
    }

    @Test
    void anImportCellAddingPackagesIsRefused() {
        RuleFile imports = Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet, 1, 1)
                .setCellValue("pe.telco.orders.evaluation.facts.*, java.nio.file.*"));
        refused(upload("ana", imports), "credit.drl.xlsx!Credito!B2", "structure");
    }

    @Test
    void aChangedSnippetIsRefused() {
        RuleFile snippet = Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet, 8,
                Workbooks.column(sheet, "Puntaje desde")).setCellValue("creditScore >= $param || "
                + "java.nio.file.Files.exists(java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + marker
                + "\")))"));
        refused(upload("ana", snippet), "credit.drl.xlsx!Credito!E9", "not a kind of column");
    }

    @Test
    void aDrlFileFromABusinessUserIsRefusedAndADevelopersRunsNothingBeforeActivation() {
        RuleFile drl = new RuleFile("owned.drl", ("package pe.telco.orders.rules;\n"
                + "import pe.telco.orders.evaluation.facts.*;\n"
                + "rule \"OWN-001 Writes a file\"\nwhen\n    OrderFacts()\nthen\n"
                + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"x\");\nend\n")
                .getBytes(StandardCharsets.UTF_8));
        refused(upload("ana", drl), "owned.drl", "DRL rules are code");
        assertThat((int) given().get("/api/rulesets").path("total")).isEqualTo(versionsBefore);

        Response developers = upload("dev", drl);
        developers.then().statusCode(201);
        assertThat(developers.jsonPath().getBoolean("report.checksPending")).isTrue();
        assertThat(developers.jsonPath().getList("report.examples")).isEmpty();
        assertThat(developers.jsonPath().getString("status")).isEqualTo("CANDIDATE");
    }

    @Test
    void anInflatingWorkbookAndAHugeTableAreRefusedWithinTheLimitsWhileChannelsKeepEvaluating() throws Exception {
        long heapBefore = heapAfterFullGc();
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService channel = Executors.newSingleThreadExecutor();
        channel.submit(() -> {
            while (uploading.get()) {
                int status = given().contentType(ContentType.JSON).body(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"))
                        .post("/api/evaluations").statusCode();
                (status == 200 ? answered : failed).incrementAndGet();
            }
        });
        try {
            refused(upload("ana", RulesetUploads.inflating("credit.drl.xlsx", "xl/worksheets/sheet9.xml", 90)),
                    "credit.drl.xlsx", "unpacks to more than");
            refused(upload("ana", Workbooks.creditTableOf(10_000)), "credit.drl.xlsx!Credito!A2011", "more than 2000 rows");
        } finally {
            uploading.set(false);
            channel.shutdown();
            assertThat(channel.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        long heapAfter = heapAfterFullGc();
        System.out.printf("Heap after full GC: %d MB before the uploads, %d MB after; %d dry runs answered%n",
                heapBefore >> 20, heapAfter >> 20, answered.get());
        assertThat(failed.get()).isZero();
        assertThat(answered.get()).isPositive();
        assertThat(heapAfter).isLessThanOrEqualTo((long) (heapBefore * 1.10));
    }

    private static long heapAfterFullGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static Response upload(String who, RuleFile file) {
        return RulesetUploads.upload(who, file);
    }

    private void refused(Response response, String field, String message) {
        response.then().statusCode(422).contentType(startsWith("application/problem+json"));
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        assertThat(errors).as(response.asString()).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat(e.get("message")).contains(message);
        });
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("ERR 1");
        assertThat((int) given().get("/api/rulesets").path("total")).isEqualTo(versionsBefore);
    }

    private static RuleFile credit(String rule, String column, String value) {
        return Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, rule).getRowIndex(), Workbooks.column(sheet, column)).setCellValue(value));
    }

    /** The credit table with its last row copied until the table has {@code total} rows, each with its own id. */
}
