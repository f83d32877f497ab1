package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static pe.telco.orders.rules.RulesetUploads.activate;
import static pe.telco.orders.rules.RulesetUploads.upload;
import static pe.telco.orders.support.LiveRules.activeVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.engine.RuleFile;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.live.RulesetWatcher;
import pe.telco.orders.support.ChannelLoad;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/** A business user's rule change from upload to activation and rollback, while channels keep evaluating. */
@QuarkusTest
class RulesetLifecycleTest {

    private static final RuleFile MARKER = new RuleFile("marker.drl", ("package pe.telco.orders.rules;\n"
            + "import pe.telco.orders.evaluation.facts.*;\n"
            + "rule \"MARK-001 Marks every order decided under this version\"\nwhen\n    OrderFacts()\nthen\nend\n")
            .getBytes(StandardCharsets.UTF_8));

    @Inject
    RulesetService rulesets;
    @Inject
    pe.telco.orders.ruleset.RulesConfig rulesConfig;

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
    void aGoodUploadIsStoredAsACandidateWithItsExamplesWarningsAndExactFiles() {
        RuleFile credit = Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, "Monto financiado hasta"))
                .setCellValue(7000));

        Response created = upload("ana", credit);

        created.then().statusCode(201).header("Location", startsWith("http"))
                .body("status", equalTo("CANDIDATE")).body("baseVersion", equalTo(1)).body("author", equalTo("ana.analyst"));
        JsonPath body = created.jsonPath();
        int version = body.getInt("version");
        assertThat(created.header("Location")).endsWith("/api/rulesets/" + version);
        assertThat(body.getList("report.examples.passed", Boolean.class)).hasSizeGreaterThanOrEqualTo(9)
                .containsOnly(true);
        assertThat(body.getList("report.warnings")).isNotNull();
        assertThat(body.getList("files.name", String.class)).contains("credit.drl.xlsx", "inventory.drl");

        Response file = given().get("/api/rulesets/" + version + "/files/credit.drl.xlsx");
        file.then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition",
                        "attachment; filename=\"credit.drl.xlsx\"; filename*=UTF-8''credit.drl.xlsx");
        assertThat(file.asByteArray()).isEqualTo(credit.content());
        given().get("/api/rulesets/1/files/inventory.drl").then().statusCode(200).contentType(startsWith("text/plain"));

        given().get("/api/rulesets/1/diff/" + version).then().statusCode(200)
                .body("filesChanged[0].name", equalTo("credit.drl.xlsx"))
                .body("filesChanged[0].rulesChanged[0].rule", equalTo("CREDIT-070"))
                .body("filesChanged[0].rulesChanged[0].cells[0].oldValue", equalTo("6000"))
                .body("filesChanged[0].rulesChanged[0].cells[0].newValue", equalTo("7000"));
        given().get("/api/rulesets?size=5").then().statusCode(200).body("items[0].version", equalTo(version))
                .body("size", equalTo(5));
        given().get("/api/rulesets/99999").then().statusCode(404);
    }

    @Test
    void badUploadsAreRefusedNamingFileAndCellAndNothingIsStored() {
        int before = given().get("/api/rulesets").path("total");
        expectRefused(upload("ana", Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, "Puntaje desde"))
                .setCellValue("650 (("))), "credit.drl.xlsx!Credito!E", "Rule CREDIT-070, 'Puntaje desde");
        expectRefused(upload("ana", Workbooks.edited("approval.drl.xlsx",
                sheet -> Workbooks.find(sheet, "NAME").setCellValue("NOTES"))), "approval.drl.xlsx!Aprobacion!A6",
                "no NAME column");
        expectRefused(upload("ana", Workbooks.edited("approval.drl.xlsx",
                sheet -> Workbooks.find(sheet, "APPR-100").setCellValue("COV-010"))), "coverage.drl.xlsx!Cobertura!A11",
                "COV-010 is already used at approval.drl.xlsx!Aprobacion row 20");
        expectRefused(upload("ana", Workbooks.edited("compatibility.drl.xlsx", sheet -> {
            var last = Workbooks.find(sheet, "COMP-110");
            Workbooks.cell(sheet, last.getRowIndex() + 2, last.getColumnIndex()).setCellValue("COMP-120");
        })), "compatibility.drl.xlsx!Compatibilidad!A23", "blank row");
        expectRefused(upload("ana", RulesetUploads.workbook("terms.drl.xlsx", wb -> wb.setSheetOrder("Leyenda", 0))),
                "terms.drl.xlsx!Terminos!A6", "first sheet");
        expectRefused(upload("ana", TableChecksTest.editExamples(RealRules.file("credit.drl.xlsx"), "EJ-02", 8, "PASS")),
                "credit.drl.xlsx!Ejemplos!I5", "EJ-02 expects PASS");
        expectRefused(upload("ana", new RuleFile("credit.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))),
                "credit.drl.xlsx", "not an Excel workbook");
        expectRefused(upload("ana", new RuleFile("credit.drl.xlsx", new byte[0])), "credit.drl.xlsx", "empty");
        expectRefused(upload("ana", RulesetUploads.zipBomb("credit.drl.xlsx")), "credit.drl.xlsx",
                "unpacks to more than 20 MB in one part");
        expectRefused(upload("ana", new RuleFile("inventory.drl", (new String(RealRules.file("inventory.drl").content(),
                StandardCharsets.UTF_8) + "\nrule \"INV-099 Broken\" when $q : InventoryQuestion( then end\n")
                .getBytes(StandardCharsets.UTF_8))), "inventory.drl", "DRL rules are code");
        expectRefused(upload("dev", new RuleFile("inventory.drl", (new String(RealRules.file("inventory.drl").content(),
                StandardCharsets.UTF_8) + "\nrule \"INV-099 Broken\" when $q : InventoryQuestion( then end\n")
                .getBytes(StandardCharsets.UTF_8))), "inventory.drl:", "");
        RulesetUploads.as("ana").multiPart("remove", "nothing.drl").post("/api/rulesets").then()
                .statusCode(422).body("errors[0].field", equalTo("remove"));
        given().auth().none().multiPart("file", "x.drl", new byte[] {1}).post("/api/rulesets").then().statusCode(401);
        RulesetUploads.as("bob").multiPart("file", MARKER.name(), MARKER.content()).post("/api/rulesets").then()
                .statusCode(403);

        given().get("/api/rulesets").then().body("total", equalTo(before));
    }

    @Test
    void aStaleCandidateIsRefusedTheAuthorCannotActivateAndRollbackBringsTheOldVersionBack() {
        int first = upload("tester", MARKER).then().statusCode(201).extract().path("version");
        int second = upload("ana", RulesetUploads.creditInstalments(24))
                .then().statusCode(201).extract().path("version");

        activate(first, "tester").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("four eyes"));
        activate(first, "bob").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("activatedBy", equalTo("rita.rules"));
        assertThat(activeVersion()).isEqualTo(first);
        activate(second, "bob").then().statusCode(409).body("currentState", equalTo("CANDIDATE"))
                .body("detail", org.hamcrest.Matchers.containsString("was prepared on version 1"));

        activate(1, "bob").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(activeVersion()).isEqualTo(1);
        given().get("/api/rulesets/" + first).then().body("status", equalTo("RETIRED"));
        activate(first, "carla").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(first);
    }

    @Test
    void evaluationsDuringTwoActivationsNeverFailAndEachIsPinnedToItsVersion() throws Exception {
        int marked = upload("dev", MARKER).then().statusCode(201).extract().path("version");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Object> problems = Collections.synchronizedList(new ArrayList<>());
        List<JsonPath> evaluations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        ExecutorService channels = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                channels.submit(() -> ChannelLoad.evaluateUntilStopped(running, evaluations::add, problems, answered));
            }
            awaitAnswers(answered, 4); // the channels are evaluating under version 1
            activate(marked, "bob").then().statusCode(200);
            Eventually.within(Duration.ofSeconds(60), "an evaluation pinned to version " + marked,
                    () -> !problems.isEmpty() || List.copyOf(evaluations).stream()
                            .anyMatch(e -> e.getInt("rulesetVersion") == marked));
            activate(1, "bob").then().statusCode(200);
            awaitAnswers(answered, 8); // every channel's evaluation in flight at the switch back, and then some
        } finally {
            // also when a step above fails: channels left running would load every test after this one
            running.set(false);
            channels.shutdown();
        }
        assertThat(channels.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(problems).isEmpty();
        assertThat(evaluations.stream().map(e -> e.getInt("rulesetVersion")).distinct()).containsOnly(1, marked)
                .contains(1, marked);
        for (JsonPath e : evaluations) {
            List<String> fired = e.getList("firedRules.rule", String.class);
            assertThat(fired.contains("MARK-001")).as("evaluation %s under version %s", e.getLong("evaluationId"),
                    e.getInt("rulesetVersion")).isEqualTo(e.getInt("rulesetVersion") == marked);
        }
    }

    @Test
    void anotherInstanceSwitchesOnTheNotificationAndByThePeriodicCheckWhenNotificationsAreLost() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        ActiveRuleset listening = new ActiveRuleset(rulesets, rulesConfig);
        listening.start();
        ActiveRuleset polling = new ActiveRuleset(rulesets, rulesConfig);
        polling.start();
        // its periodic check is an hour away, so the first refresh comes from the listener right after its LISTEN
        CountDownLatch listenerConnected = new CountDownLatch(1);
        RulesetWatcher notified = new RulesetWatcher(() -> {
            listening.refresh();
            listenerConnected.countDown();
        }, url, user, password, Duration.ofHours(1));
        RulesetWatcher checking = new RulesetWatcher(polling::refresh, null, null, null, Duration.ofMillis(500));
        notified.start();
        checking.start();
        try {
            // a business change: activating it runs nothing first, so the time measured is the switch itself
            int marked = upload("ana", RulesetUploads.creditInstalments(30))
                    .then().statusCode(201).extract().path("version");
            assertThat(listenerConnected.await(30, TimeUnit.SECONDS)).as("the listener is connected").isTrue();
            long activated = System.nanoTime();
            activate(marked, "bob").then().statusCode(200);
            long byNotification = await(() -> listening.current().version(), marked);
            long byCheck = await(() -> polling.current().version(), marked);
            System.out.printf("Second instance switched %d ms after activation by NOTIFY, %d ms by the periodic check%n",
                    (byNotification - activated) / 1_000_000, (byCheck - activated) / 1_000_000);
            // within its compile time plus about a second (the machine may be busy: allow two)
            assertThat((byNotification - activated) / 1_000_000)
                    .isLessThan(listening.current().compileMillis() + 2000);

            activate(1, "bob").then().statusCode(200);
            await(() -> listening.current().version(), 1);
            await(() -> polling.current().version(), 1);
        } finally {
            notified.stop();
            checking.stop();
        }
    }

    private static long await(IntSupplier version, int expected) {
        Eventually.within(Duration.ofSeconds(10), "switched to version " + expected, version::getAsInt,
                v -> v == expected);
        return System.nanoTime();
    }

    /** Waits until the channels have had {@code count} more answers (whatever they were). */
    private static void awaitAnswers(AtomicInteger answered, int count) {
        int target = answered.get() + count;
        Eventually.within(Duration.ofSeconds(60), count + " more answers to the channels", answered::get,
                n -> n >= target);
    }

    private static void expectRefused(Response response, String field, String message) {
        response.then().statusCode(422).contentType(startsWith("application/problem+json"));
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        assertThat(errors).as(response.asString()).anySatisfy(e -> {
            assertThat(e.get("field")).startsWith(field);
            assertThat(e.get("message")).contains(message);
        });
    }
}
