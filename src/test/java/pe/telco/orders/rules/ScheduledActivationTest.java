package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static pe.telco.orders.rules.RulesetUploads.activate;
import static pe.telco.orders.rules.RulesetUploads.as;
import static pe.telco.orders.rules.RulesetUploads.upload;
import static pe.telco.orders.support.LiveRules.activeVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.StateConflict;
import pe.telco.orders.ruleset.ActiveRuleset;
import pe.telco.orders.ruleset.RulesConfig;
import pe.telco.orders.ruleset.RulesetService;
import pe.telco.orders.ruleset.live.RulesetWatch;
import pe.telco.orders.ruleset.live.RulesetWatcher;
import pe.telco.orders.ruleset.schedule.ScheduleRepository;
import pe.telco.orders.ruleset.schedule.ScheduledActivations;
import pe.telco.orders.ruleset.schedule.ScheduledSwitch;
import pe.telco.orders.support.ChannelLoad;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A rule change that takes effect at an instant (Lima): it goes live on every instance at that instant, with each
 * evaluation pinned to the version of its side of the boundary; it can be cancelled until then; and the four-eyes
 * and base checks run again at the instant, ending the schedule FAILED with the reason when they refuse it.
 */
@QuarkusTest
class ScheduledActivationTest {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    @Inject
    RulesetService rulesets;
    @Inject
    RulesConfig rulesConfig;
    @Inject
    ScheduledActivations schedules;
    @Inject
    ScheduleRepository scheduleRows;
    @Inject
    ActiveRuleset appRules;
    @Inject
    RulesetWatch appWatch;

    @BeforeEach
    void originalRules() {
        Shop.open();
        cancelWhateverWaits();
        LiveRules.restoreVersionOne();
    }

    @AfterEach
    void backToOriginalRules() {
        cancelWhateverWaits();
        LiveRules.restoreVersionOne();
    }

    @Test
    void aVersionScheduledThreeSecondsAheadGoesLiveOnTwoInstancesWithEachEvaluationPinnedToItsSide() throws Exception {
        int candidate = upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201).extract()
                .path("version");
        var config = ConfigProvider.getConfig();
        // a second instance: its own compiled rules, its own LISTEN connection, its own part in the schedule
        ActiveRuleset second = new ActiveRuleset(rulesets, rulesConfig);
        second.start();
        ScheduledSwitch secondSwitch = new ScheduledSwitch(second, schedules);
        CountDownLatch listening = new CountDownLatch(1);
        RulesetWatcher secondWatcher = new RulesetWatcher(() -> {
            second.refresh();
            secondSwitch.reloadSafely();
            listening.countDown();
        }, config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
                Duration.ofSeconds(5));
        secondSwitch.start();
        secondWatcher.start();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Evaluated> onTheService = Collections.synchronizedList(new ArrayList<>());
        List<Evaluated> onTheSecond = Collections.synchronizedList(new ArrayList<>());
        List<Evaluated> onTheServiceNow = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        ExecutorService channels = Executors.newFixedThreadPool(4);
        try {
            assertThat(listening.await(30, TimeUnit.SECONDS)).as("the second instance listens").isTrue();
            for (int t = 0; t < 3; t++) {
                channels.submit(() -> evaluateUntilStopped(running, onTheService, problems, answered));
            }
            channels.submit(() -> {
                while (running.get()) { // what an evaluation taken now runs on each instance
                    OffsetDateTime now = OffsetDateTime.now(LIMA);
                    onTheSecond.add(new Evaluated(now, second.currentAt(now).version()));
                    onTheServiceNow.add(new Evaluated(now, appRules.currentAt(now).version()));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            });
            awaitAnswers(answered, 3);

            // a fraction of a millisecond in the instant: the switch must not fire before it
            OffsetDateTime at = OffsetDateTime.now(LIMA).plusSeconds(3).truncatedTo(ChronoUnit.MILLIS)
                    .plusNanos(999_000);
            JsonPath scheduled = schedule(candidate, "bob", at.toString(), "entra en vigor en 3 s").then()
                    .statusCode(201).header("Location", containsString("/api/rulesets/activation-schedules/"))
                    .body("state", equalTo("PENDING")).body("scheduledBy", equalTo("rita.rules"))
                    .extract().jsonPath();
            long id = scheduled.getLong("id");
            assertThat(OffsetDateTime.parse(scheduled.getString("at"))).isEqualTo(at);
            assertThat(activeVersion()).as("nothing switches before the instant").isEqualTo(1);

            Eventually.within(Duration.ofSeconds(30), "both instances on version " + candidate,
                    () -> appRules.activeVersion() == candidate && second.activeVersion() == candidate);
            awaitAnswers(answered, 6); // evaluations after the switch, on every channel
            running.set(false);
            channels.shutdown();
            assertThat(channels.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(problems).isEmpty();
            // each instance is ready at the instant if it compiled the version before it; else when it has
            OffsetDateTime serviceReady = readyAt("the service", onTheServiceNow, at, candidate);
            OffsetDateTime secondReady = readyAt("the second instance", onTheSecond, at, candidate);
            assertPinned("the service", onTheService, at, serviceReady, candidate);
            JsonPath done = given().get("/api/rulesets/activation-schedules/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(done.getString("state")).isEqualTo("DONE");
            assertThat(done.getInt("previous")).isEqualTo(1);
            OffsetDateTime switched = OffsetDateTime.parse(done.getString("switchedAt"));
            assertThat(switched).isAfterOrEqualTo(at);
            JsonPath history = given().get("/api/rulesets/activations?size=5").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(history.getInt("items[0].version")).isEqualTo(candidate);
            assertThat(history.getLong("items[0].scheduleId")).isEqualTo(id);
            assertThat(history.getString("items[0].scheduledBy")).isEqualTo("rita.rules");
            assertThat(history.getString("items[0].activatedBy")).isEqualTo("rita.rules");
            assertThat(OffsetDateTime.parse(history.getString("items[0].scheduledFor"))).isEqualTo(at);
            assertThat(OffsetDateTime.parse(history.getString("items[0].activatedAt"))).isEqualTo(switched);
            assertThat(history.getList("items.scheduleId")).as("the switch happened once").containsOnlyOnce(
                    (int) id);

            List<ScheduledSwitch.Run> runs = new ArrayList<>();
            appWatch.scheduled().lastRun().filter(r -> r.scheduleId() == id).ifPresent(runs::add);
            secondSwitch.lastRun().filter(r -> r.scheduleId() == id).ifPresent(runs::add);
            assertThat(runs.stream().filter(r -> r.outcome() == ScheduledActivations.Outcome.SWITCHED))
                    .as("exactly one instance switched: %s", runs).hasSize(1);
            assertThat(runs).noneMatch(r -> r.outcome() == ScheduledActivations.Outcome.FAILED);
            for (ScheduledSwitch.Run run : runs) {
                System.out.printf("Scheduled switch: %s, timer %d ms after the instant, this instance's rules on the"
                        + " new version %d ms after it%n", run.outcome(), run.firedLateMillis(),
                        run.confirmedAfterMillis());
            }
            System.out.printf("Scheduled switch: committed %d ms after the instant; evaluations ran the new version"
                    + " from %d ms after it on the service, %d ms on the second instance (%d evaluations on the"
                    + " service, %d and %d samples of each instance's rules)%n",
                    Duration.between(at, switched).toMillis(), Duration.between(at, serviceReady).toMillis(),
                    Duration.between(at, secondReady).toMillis(), onTheService.size(), onTheServiceNow.size(),
                    onTheSecond.size());
        } finally {
            running.set(false);
            channels.shutdownNow();
            secondWatcher.stop();
            secondSwitch.stop();
        }
    }

    @Test
    void anApproverCancelsTheScheduleBeforeItsInstantAndNothingSwitches() {
        int candidate = upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201).extract()
                .path("version");
        OffsetDateTime at = OffsetDateTime.now(LIMA).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        long id = schedule(candidate, "bob", at.toString(), "mañana a primera hora").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().get("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(200)
                .body("id", equalTo((int) id));

        as("ana").contentType(ContentType.JSON).body(Map.of()).delete("/api/rulesets/" + candidate
                + "/activation-schedule").then().statusCode(403);
        as("carla").contentType(ContentType.JSON).body(Map.of("comment", "esperamos al cierre de mes"))
                .delete("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("cancellation.by", equalTo("roberto.rules"))
                .body("cancellation.reason", equalTo("esperamos al cierre de mes"));
        as("carla").delete("/api/rulesets/activation-schedules/" + id).then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("currentState", equalTo("CANCELLED"));
        given().get("/api/rulesets/" + candidate + "/activation-schedule").then().statusCode(404);

        Eventually.within(Duration.ofSeconds(30), "past the cancelled instant, and then some",
                () -> Instant.now().isAfter(at.toInstant().plusSeconds(2)));
        assertThat(activeVersion()).isEqualTo(1);
        assertThat(appRules.armed()).isEmpty();
        assertThat(appRules.currentAt(OffsetDateTime.now(LIMA)).version()).isEqualTo(1);
        given().get("/api/rulesets/activation-schedules/" + id).then().body("state", equalTo("CANCELLED"));
        given().get("/api/rulesets/activation-schedules?version=" + candidate).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
    }

    @Test
    void aScheduleRefusedAMomentAgoIsNotCancelledOverItsRefusal() {
        int candidate = upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201).extract()
                .path("version");
        OffsetDateTime at = OffsetDateTime.now(LIMA).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        long id = schedule(candidate, "bob", at.toString(), "a la hora").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        Throwable refused = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(schedules.pendingOf(candidate)).isPresent(); // this transaction has read it waiting
            // meanwhile another instance's check at the instant refuses it, and commits
            CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> assertThat(
                    scheduleRows.fail(id, "refused at its instant", OffsetDateTime.now(LIMA))).isTrue())).join();
            schedules.cancel(id, "roberto.rules", "demasiado tarde");
        }));

        assertThat(refused).isInstanceOf(StateConflict.class).hasMessageContaining("is FAILED");
        given().get("/api/rulesets/activation-schedules/" + id).then().statusCode(200)
                .body("state", equalTo("FAILED")).body("failure", equalTo("refused at its instant"));
    }

    @Test
    void aVersionWithdrawnBeforeTheInstantEndsTheScheduleFailedWithTheReasonAndNothingSwitches() {
        int candidate = upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201).extract()
                .path("version");
        OffsetDateTime at = OffsetDateTime.now(LIMA).plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        long id = schedule(candidate, "bob", at.toString(), "programada").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        // its author withdraws it after it was scheduled: the check at the instant refuses it
        as("ana").contentType(ContentType.JSON).body(Map.of("comment", "error en la tabla"))
                .post("/api/rulesets/" + candidate + "/withdrawal").then().statusCode(200);

        JsonPath failed = Eventually.within(Duration.ofSeconds(60), "the schedule ended",
                () -> given().get("/api/rulesets/activation-schedules/" + id).then().extract().jsonPath(),
                j -> !j.getString("state").equals("PENDING"));
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("failure")).contains("was withdrawn by ana.analyst");
        assertThat(OffsetDateTime.parse(failed.getString("failedAt"))).isAfterOrEqualTo(at);
        assertThat(activeVersion()).isEqualTo(1);
        assertThat(appRules.currentAt(OffsetDateTime.now(LIMA)).version()).isEqualTo(1);
        assertThat(appRules.armed()).isEmpty();
        given().get("/api/rulesets/activations?size=50").then().statusCode(200)
                .body("items.scheduleId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void aScheduleIsRefusedAsAnActivationNowWouldBeAndForAnInstantPastOrTooNear() {
        int candidate = upload("ana", RulesetUploads.creditInstalments(30)).then().statusCode(201).extract()
                .path("version");
        String tomorrow = OffsetDateTime.now(LIMA).plusDays(1).truncatedTo(ChronoUnit.DAYS).toLocalDateTime()
                .toString();

        refused(schedule(candidate, "bob", OffsetDateTime.now(LIMA).minusMinutes(5).toString(), "x"), "has passed");
        refused(schedule(candidate, "bob", OffsetDateTime.now(LIMA).plusSeconds(1).toString(), "x"), "too near");
        refused(schedule(candidate, "bob", "mañana", "x"), "is not a date and time");
        refused(schedule(candidate, "bob", null, "x"), "is required");
        refused(schedule(candidate, "bob", OffsetDateTime.now(LIMA).plusYears(3).toString(), "x"), "days ahead");
        schedule(candidate, "ana", tomorrow, "x").then().statusCode(403);
        int own = upload("tester", RulesetUploads.creditInstalments(28)).then().statusCode(201).extract()
                .path("version");
        schedule(own, "tester", tomorrow, "x").then().statusCode(409).body("detail", containsString("four eyes"));
        schedule(1, "bob", tomorrow, "x").then().statusCode(409).body("detail", containsString("already active"));
        given().get("/api/rulesets/activation-schedules").then().statusCode(200)
                .body("items.findAll { it.state == 'PENDING' }", org.hamcrest.Matchers.empty());

        // a date and time without an offset is read in Lima
        Response first = schedule(candidate, "bob", tomorrow, "a medianoche");
        first.then().statusCode(201).body("at", equalTo(OffsetDateTime.now(LIMA).plusDays(1).truncatedTo(
                ChronoUnit.DAYS).toLocalDate() + "T00:00:00-05:00"));
        schedule(candidate, "carla", tomorrow, "otra vez").then().statusCode(409)
                .body("detail", containsString("already scheduled")).body("currentState", equalTo("PENDING"));
        int stale = upload("ana", RulesetUploads.creditInstalments(24)).then().statusCode(201).extract()
                .path("version");
        activate(candidate, "carla").then().statusCode(200); // activating now while a schedule waits is allowed
        schedule(stale, "bob", tomorrow, "x").then().statusCode(409)
                .body("detail", containsString("was prepared on version 1"));
        as("bob").contentType(ContentType.JSON).body(Map.of("comment", "c".repeat(501)))
                .delete("/api/rulesets/activation-schedules/" + first.jsonPath().getLong("id")).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
    }

    private static Response schedule(int version, String person, String at, String comment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("at", at);
        body.put("comment", comment);
        return as(person).contentType(ContentType.JSON).body(body)
                .post("/api/rulesets/" + version + "/activation-schedule");
    }

    private static void refused(Response response, String message) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("at")).body("errors[0].message", containsString(message));
    }

    /**
     * When an instance's rules turned to the new version for good: at the instant if it had the version compiled
     * (armed) by then, else as soon as it had. Never before the instant, never back after.
     */
    private static OffsetDateTime readyAt(String where, List<Evaluated> samples, OffsetDateTime at, int candidate) {
        List<Evaluated> all = List.copyOf(samples);
        assertThat(all).as("%s: samples before the instant", where).anyMatch(e -> e.at().isBefore(at));
        assertThat(all).as("%s: nothing runs the new version before the instant", where)
                .noneMatch(e -> e.at().isBefore(at) && e.version() != 1);
        OffsetDateTime ready = all.stream().filter(e -> e.version() == candidate).map(Evaluated::at).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": never ran version " + candidate));
        assertThat(all).as("%s: once on the new version, it stays", where)
                .noneMatch(e -> e.at().isAfter(ready) && e.version() != candidate);
        return ready;
    }

    /** Every evaluation before the instant ran the old version, every one once the instance was ready the new. */
    private static void assertPinned(String where, List<Evaluated> evaluations, OffsetDateTime at,
            OffsetDateTime ready, int candidate) {
        List<Evaluated> all = List.copyOf(evaluations);
        assertThat(all).as("%s: evaluations before the instant", where).anyMatch(e -> e.at().isBefore(at));
        assertThat(all).as("%s: evaluations after the instant", where).anyMatch(e -> !e.at().isBefore(ready));
        for (Evaluated e : all) {
            if (e.at().isBefore(at)) {
                assertThat(e.version()).as("%s: evaluation at %s (instant %s)", where, e.at(), at).isEqualTo(1);
            } else if (!e.at().isBefore(ready)) {
                assertThat(e.version()).as("%s: evaluation at %s (ready %s)", where, e.at(), ready)
                        .isEqualTo(candidate);
            }
        }
    }

    private record Evaluated(OffsetDateTime at, int version) {
    }

    private static void evaluateUntilStopped(AtomicBoolean running, List<Evaluated> evaluations,
            List<String> problems, AtomicInteger answered) {
        ChannelLoad.evaluateUntilStopped(running, answer -> evaluations.add(new Evaluated(OffsetDateTime.parse(
                answer.getString("evaluatedAt")), answer.getInt("rulesetVersion"))), problems, answered);
    }

    private static void awaitAnswers(AtomicInteger answered, int count) {
        int target = answered.get() + count;
        Eventually.within(Duration.ofSeconds(60), count + " more answers to the channels", answered::get,
                n -> n >= target);
    }

    /** Another test class (or a failed run) may have left a schedule waiting: it would switch the shared rules. */
    private static void cancelWhateverWaits() {
        List<Integer> waiting = given().get("/api/rulesets/activation-schedules?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.state == 'PENDING' }.id");
        for (Integer id : waiting) {
            as("bob").delete("/api/rulesets/activation-schedules/" + id);
        }
    }
}
