package pe.telco.orders.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.support.Shop;

/** Only the right people: every endpoint × role, channel credentials bound to their channel, actors recorded. */
@QuarkusTest
class AccessControlTest {

    /** Demo users of the dev and test profiles (README), one per role. */
    static final Map<String, String> USERS = Map.of(
            Roles.CHANNEL, "web", Roles.RULE_AUTHOR, "ana.analyst", Roles.RULE_DEVELOPER, "dario.dev",
            Roles.RULE_APPROVER, "rita.rules", Roles.APPROVER, "raul.reviewer", Roles.OPERATIONS, "olga.ops",
            Roles.AUDITOR, "aldo.auditor", Roles.WAREHOUSE, "wendy.warehouse", Roles.FIELD_SERVICE, "fabio.field");
    static final Map<String, String> PASSWORDS = Map.ofEntries(Map.entry("web", "web-secret"),
            Map.entry("app", "app-secret"), Map.entry("ana.analyst", "analyst-secret"),
            Map.entry("rita.rules", "rules-secret"), Map.entry("raul.reviewer", "reviewer-secret"),
            Map.entry("olga.ops", "ops-secret"), Map.entry("aldo.auditor", "auditor-secret"),
            Map.entry("lost.channel", "lost-secret"), Map.entry("dario.dev", "developer-secret"),
            Map.entry("wendy.warehouse", "warehouse-secret"), Map.entry("fabio.field", "field-secret"));
    static final Set<String> RULES_READERS = Set.of(Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER,
            Roles.AUDITOR);
    static final String TMF = "/tmf-api/productOrderingManagement/v5";
    static final Set<String> ALL = Set.of(Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER, Roles.RULE_APPROVER,
            Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR);
    /** Every role, each tried on every row: the warehouse and field service roles read no reference data. */
    static final Set<String> EVERY_ROLE = Set.of(Roles.CHANNEL, Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER,
            Roles.RULE_APPROVER, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR, Roles.WAREHOUSE, Roles.FIELD_SERVICE);

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        List<String> unannotated = new ArrayList<>();
        assertThat(resources()).hasSizeGreaterThan(5);
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
                        .anyMatch(method::isAnnotationPresent);
                boolean declared = Stream.of(RolesAllowed.class, PermitAll.class, Authenticated.class)
                        .anyMatch(a -> method.isAnnotationPresent(a) || resource.isAnnotationPresent(a));
                if (endpoint && !declared) {
                    unannotated.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(unannotated).as("endpoints without a role annotation").isEmpty();
    }

    /**
     * Every endpoint and the roles that may call it. An endpoint about one order has {@code {order}} in its path:
     * the channel rule is checked on exactly those rows ({@link #aChannelNeverReachesAnotherChannelsOrder}), and
     * {@link #everyOrderScopedEndpointIsInTheMatrix} keeps the list complete.
     */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("POST", "/api/orders", Set.of(Roles.CHANNEL)),
                row("GET", "/api/orders", Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("GET", "/api/orders/{order}", Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("GET", "/api/orders/{order}/history",
                        Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("POST", "/api/orders/{order}/evaluation", Set.of(Roles.CHANNEL)),
                row("GET", "/api/orders/{order}/evaluation",
                        Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("POST", "/api/evaluations", Set.of(Roles.CHANNEL, Roles.RULE_AUTHOR)),
                row("PUT", "/api/products/T-PHONE-A15", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/products", ALL),
                row("PUT", "/api/coverage/15074", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/coverage/15074", ALL),
                row("PUT", "/api/stock/T-WH/T-PHONE-A15", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/stock/T-PHONE-A15", ALL),
                row("PUT", "/api/locations/T-WH", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/locations", ALL),
                row("PUT", "/api/customers/DNI/30000001", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/customers/DNI/30000001", Set.of(Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR)),
                row("PUT", "/api/terms/2026-01", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/terms/current", ALL),
                row("GET", "/api/rulesets", RULES_READERS),
                row("GET", "/api/rulesets/1/files/credit.drl.xlsx", RULES_READERS),
                row("GET", "/api/rulesets/activations", RULES_READERS),
                row("POST", "/api/rulesets", Set.of(Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER)),
                row("POST", "/api/rulesets/999999/withdrawal", Set.of(Roles.RULE_AUTHOR, Roles.RULE_DEVELOPER)),
                row("POST", "/api/rulesets/1/activation", Set.of(Roles.RULE_APPROVER)),
                row("POST", "/api/rulesets/1/activation-schedule", Set.of(Roles.RULE_APPROVER)),
                row("GET", "/api/rulesets/activation-schedules", RULES_READERS),
                row("DELETE", "/api/rulesets/activation-schedules/999999", Set.of(Roles.RULE_APPROVER)),
                row("GET", "/api/rulesets/impact/999999", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                // what-if and shadow runs (issue 19)
                row("GET", "/api/what-if/blank", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/api/what-if/evaluations/999999999",
                        Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("POST", "/api/what-if", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("POST", "/api/rulesets/999999/shadow", Set.of(Roles.RULE_APPROVER)),
                row("POST", "/api/rulesets/shadows/999999/end", Set.of(Roles.RULE_APPROVER)),
                row("GET", "/api/rulesets/shadows", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/api/rulesets/shadows/999999", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/api/rulesets/shadows/999999/differences",
                        Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/api/approvals", Set.of(Roles.APPROVER, Roles.AUDITOR)),
                row("POST", "/api/orders/{order}/approval", Set.of(Roles.APPROVER)),
                row("POST", "/api/orders/{order}/cancellation", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/orders/{order}/shipments", Set.of(Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR)),
                row("GET", "/api/orders/{order}/work-orders", Set.of(Roles.OPERATIONS, Roles.APPROVER, Roles.AUDITOR)),
                row("POST", "/api/shipments/999999999/dispatch", Set.of(Roles.OPERATIONS, Roles.WAREHOUSE)),
                row("POST", "/api/work-orders/999999999/start", Set.of(Roles.OPERATIONS, Roles.FIELD_SERVICE)),
                row("GET", "/api/shipments", Set.of(Roles.OPERATIONS, Roles.WAREHOUSE)),
                row("GET", "/api/work-orders", Set.of(Roles.OPERATIONS, Roles.FIELD_SERVICE)),
                row("GET", "/api/follow-ups", Set.of(Roles.OPERATIONS)),
                row("POST", "/api/orders/{order}/satisfaction", Set.of(Roles.OPERATIONS, Roles.CHANNEL)),
                row("GET", "/api/support-tickets", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/orders/{order}/invoice", Set.of(Roles.OPERATIONS, Roles.AUDITOR)),
                row("GET", "/api/invoices/999999999", Set.of(Roles.OPERATIONS, Roles.AUDITOR)),
                row("POST", "/api/invoices/999999999/payments", Set.of(Roles.OPERATIONS)),
                row("GET", "/api/events", Set.of(Roles.CHANNEL, Roles.OPERATIONS, Roles.AUDITOR)),
                row("GET", "/api/events/dead-letters", Set.of(Roles.OPERATIONS)),
                row("POST", "/api/events/dead-letters/999999999/redelivery", Set.of(Roles.OPERATIONS)),
                row("POST", "/tmf-api/productOrderingManagement/v5/hub", Set.of(Roles.CHANNEL, Roles.OPERATIONS)),
                row("DELETE", "/tmf-api/productOrderingManagement/v5/hub/00000000-0000-0000-0000-000000000000",
                        Set.of(Roles.CHANNEL, Roles.OPERATIONS)),
                // retention and legal hold of the audit record (issue 18): auditors and operations, four eyes
                row("GET", "/api/audit/retention-runs", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("GET", "/api/audit/retention-runs/months", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("GET", "/api/audit/retention-runs/999999999", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("POST", "/api/audit/retention-runs", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("POST", "/api/audit/retention-runs/999999999/approval", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("GET", "/api/audit/legal-holds", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("POST", "/api/audit/legal-holds", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                row("POST", "/api/audit/legal-holds/999999999/lifting", Set.of(Roles.AUDITOR, Roles.OPERATIONS)),
                // TMF622 for the channels (issue 15)
                row("POST", TMF + "/productOrder", Set.of(Roles.CHANNEL)),
                row("GET", TMF + "/productOrder", Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("GET", TMF + "/productOrder/{order}",
                        Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)),
                row("PATCH", TMF + "/productOrder/{order}", Set.of(Roles.CHANNEL)),
                row("POST", TMF + "/cancelProductOrder", Set.of(Roles.CHANNEL)),
                row("GET", TMF + "/cancelProductOrder/999999999",
                        Set.of(Roles.CHANNEL, Roles.APPROVER, Roles.OPERATIONS, Roles.AUDITOR)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void answers401WithoutCredentials403WithTheWrongRoleAndServesTheRightOnes(String method, String path,
            Set<String> allowed) {
        String resolved = path.replace("{order}", String.valueOf(webOrder()));

        io.restassured.response.Response anonymous = send(given().auth().none(), method, resolved);
        assertThat(anonymous.statusCode()).as("anonymous on " + method + " " + path).isEqualTo(401);
        assertError(anonymous, path, "unauthorized", "anonymous on " + method + " " + path);
        for (String role : EVERY_ROLE) {
            String user = USERS.get(role);
            int status = send(given().auth().preemptive().basic(user, PASSWORDS.get(user)), method, resolved)
                    .then().extract().statusCode();
            if (allowed.contains(role)) {
                assertThat(status).as(role + " on " + method + " " + path).isNotIn(401, 403);
            } else {
                assertThat(status).as(role + " on " + method + " " + path).isEqualTo(403);
            }
        }
    }

    /**
     * The console's pages (those of its menu) and the warehouse's and field service's forms, and the roles that may
     * use them, each person signed in through the login form as in a browser. The warehouse and field service may
     * open {@code /console}: it sends them on to their own list.
     */
    static Stream<Arguments> consoleMatrix() {
        return Stream.of(
                row("GET", "/console", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.APPROVER,
                        Roles.OPERATIONS, Roles.AUDITOR, Roles.WAREHOUSE, Roles.FIELD_SERVICE)),
                row("GET", "/console/rules", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/console/what-if", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("POST", "/console/what-if", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("GET", "/console/shadow", Set.of(Roles.RULE_AUTHOR, Roles.RULE_APPROVER, Roles.AUDITOR)),
                row("POST", "/console/shadow/999999/end", Set.of(Roles.RULE_APPROVER)),
                row("GET", "/console/review", Set.of(Roles.APPROVER, Roles.AUDITOR)),
                row("GET", "/console/audit", Set.of(Roles.AUDITOR)),
                row("GET", "/console/shipments", Set.of(Roles.WAREHOUSE, Roles.OPERATIONS)),
                row("GET", "/console/work-orders", Set.of(Roles.FIELD_SERVICE, Roles.OPERATIONS)),
                row("POST", "/console/shipments/999999999/dispatch", Set.of(Roles.WAREHOUSE, Roles.OPERATIONS)),
                row("POST", "/console/work-orders/999999999/start", Set.of(Roles.FIELD_SERVICE, Roles.OPERATIONS)));
    }

    private static final Map<String, ConsoleSession> CONSOLE_SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("consoleMatrix")
    void consolePagesLeadToTheLoginWithoutASessionAndAnswer403ToTheWrongRole(String method, String path,
            Set<String> allowed) {
        io.restassured.response.Response anonymous = method.equals("GET")
                ? given().auth().none().redirects().follow(false).get(path)
                : given().auth().none().redirects().follow(false).formParam("form-token", "none").post(path);
        assertThat(anonymous.statusCode()).as("anonymous on " + method + " " + path).isIn(302, 403);
        if (anonymous.statusCode() == 302) {
            assertThat(anonymous.header("Location")).endsWith("/console/login");
        }
        for (String role : EVERY_ROLE) {
            String user = USERS.get(role);
            ConsoleSession session = CONSOLE_SESSIONS.computeIfAbsent(user,
                    u -> ConsoleSession.signIn(u, PASSWORDS.get(u)));
            int status = method.equals("GET") ? session.given().accept("text/html").get(path).statusCode()
                    : session.given().accept("text/html").formParam("form-token", anyFormToken(session))
                            .post(path).statusCode();
            if (allowed.contains(role)) {
                assertThat(status).as(role + " on " + method + " " + path).isNotIn(401, 403);
            } else {
                assertThat(status).as(role + " on " + method + " " + path).isEqualTo(403);
            }
        }
    }

    /** The person's own form token, read from the first console page they may open (none: a token that fails). */
    private static String anyFormToken(ConsoleSession session) {
        for (String page : List.of("/console", "/console/rules", "/console/shipments", "/console/work-orders")) {
            if (session.given().get(page).statusCode() == 200) {
                return session.formToken(page);
            }
        }
        return "none";
    }

    @Test
    void refusesAWrongPasswordWithAProblem() {
        given().auth().preemptive().basic("web", "wrong").get("/api/orders").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aChannelCreatesOnlyForItselfAndSeesOnlyItsOwnOrders() {
        Map<String, Object> body = new java.util.HashMap<>(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        body.put("channel", "APP");
        as("web").body(body).post("/api/orders").then().statusCode(400).body("errors[0].field", equalTo("channel"));

        body.remove("channel");
        long id = ((Number) as("web").body(body).post("/api/orders").then().statusCode(201)
                .body("channel", equalTo("WEB")).extract().path("id")).longValue();

        as("app").get("/api/orders/" + id).then().statusCode(404);
        as("app").post("/api/orders/" + id + "/evaluation").then().statusCode(404);
        as("app").get("/api/orders?size=200").then().body("items.channel", not(hasItem("WEB")));
        as("web").get("/api/orders/" + id).then().statusCode(200);
    }

    @Test
    void recordsTheAuthenticatedCallerAsTheActor() {
        long id = Shop.createOrder(as("web"), Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        as("web").post("/api/orders/" + id + "/evaluation").then().statusCode(200);

        as("web").get("/api/orders/" + id + "/history").then()
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("web")))
                .body("milestone", org.hamcrest.Matchers.hasItems("received", "evaluated"));
    }

    @Test
    void acceptsABearerTokenWithTheSameRolesAndItsChannel() {
        String token = Jwt.issuer("https://auth.telco.pe").upn("app-backend").groups(Set.of(Roles.CHANNEL))
                .claim("channel", "APP").sign("jwt/test-privateKey.pem");

        Map<String, Object> body = new java.util.HashMap<>(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        body.remove("channel");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/orders").then().statusCode(201).body("channel", equalTo("APP"));
        given().auth().oauth2(token + "x").get("/api/orders").then().statusCode(401);
    }

    @Test
    void healthStaysOpen() {
        given().auth().none().get("/q/health").then().statusCode(200);
    }

    /** The rows of the matrix a CHANNEL may call. */
    static Stream<Arguments> channelEndpoints() {
        return matrix().filter(row -> ((Set<?>) row.get()[2]).contains(Roles.CHANNEL));
    }

    /** The rows of the matrix about one order. */
    static Stream<Arguments> orderScoped() {
        return matrix().filter(row -> ((String) row.get()[1]).contains("{order}"));
    }

    /** Channel credentials that name no known channel: a Basic user without a mapping, and tokens. */
    static Stream<Arguments> channelless() {
        return Stream.of(
                Arguments.of("Basic user without orders.access.channel-of", (Object) null),
                Arguments.of("token with groups [CHANNEL] and no channel claim", token(Set.of(Roles.CHANNEL), null)),
                Arguments.of("token with an unknown channel", token(Set.of(Roles.CHANNEL), "FAX")),
                Arguments.of("token with a blank channel", token(Set.of(Roles.CHANNEL), " ")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("channelEndpoints")
    void channelCredentialsWithoutAKnownChannelAreRefusedOnEveryChannelEndpoint(String method, String path,
            Set<String> allowed) {
        String resolved = path.replace("{order}", String.valueOf(webOrder()));
        long ordersBefore = countOrders();

        channelless().forEach(identity -> {
            String name = (String) identity.get()[0];
            String bearer = (String) identity.get()[1];
            RequestSpecification request = bearer == null
                    ? given().auth().preemptive().basic("lost.channel", PASSWORDS.get("lost.channel"))
                    : given().auth().oauth2(bearer);
            io.restassured.response.Response response = send(request, method, resolved);
            assertThat(response.statusCode()).as(name + " on " + method + " " + path).isEqualTo(403);
            assertError(response, path, "forbidden", name + " on " + method + " " + path);
        });
        assertThat(countOrders()).as("nothing stored").isEqualTo(ordersBefore);
    }

    @Test
    void backOfficeCredentialsWithTheChannelRoleButNoChannelSeeEveryChannel() {
        long web = webOrder();
        long app = Shop.createOrder(as("app"), Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0));
        String auditorToken = token(Set.of(Roles.CHANNEL, Roles.AUDITOR), null);

        for (RequestSpecification backOffice : List.of(given().auth().preemptive().basic(TesterCredentials.USER,
                TesterCredentials.PASSWORD), given().auth().oauth2(auditorToken))) {
            backOffice.get("/api/orders/" + web).then().statusCode(200).body("channel", equalTo("WEB"));
        }
        given().auth().oauth2(auditorToken).get("/api/orders/" + app).then().statusCode(200)
                .body("channel", equalTo("APP"));
        given().get("/api/orders?size=200").then().statusCode(200).body("items.channel", hasItem("WEB"))
                .body("items.channel", hasItem("APP"));
    }

    @Test
    void aTokenNamesItsChannelInAnyCase() {
        given().auth().oauth2(token(Set.of(Roles.CHANNEL), "web")).get("/api/orders/" + webOrder()).then()
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orderScoped")
    void aChannelNeverReachesAnotherChannelsOrder(String method, String path, Set<String> allowed) {
        long order = Shop.createOrder(as("web"), Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        String resolved = path.replace("{order}", String.valueOf(order));
        int historyBefore = history(order);
        // A token bound to APP that also holds every back-office role: the channel still limits what it sees
        String appWithEveryRole = token(ALL, "APP");

        io.restassured.response.Response asApp = send(as("app"), method, resolved);
        io.restassured.response.Response asAppBackOffice = send(given().auth().oauth2(appWithEveryRole), method,
                resolved);

        if (allowed.contains(Roles.CHANNEL)) {
            assertNotFound(asApp, path, "app on " + method + " " + path);
        } else {
            assertThat(asApp.statusCode()).as("app on " + method + " " + path).isEqualTo(403);
        }
        assertNotFound(asAppBackOffice, path, "APP token with every role on " + method + " " + path);
        given().get("/api/orders/" + order).then().statusCode(200).body("state", equalTo("acknowledged"));
        assertThat(history(order)).as("nothing happened to the order").isEqualTo(historyBefore);
        send(as("web"), "GET", "/api/orders/" + order).then().statusCode(200);
    }

    @Test
    void everyOrderScopedEndpointIsInTheMatrix() {
        Set<String> rows = new java.util.HashSet<>(orderScoped()
                .map(row -> row.get()[0] + " " + row.get()[1]).toList());
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String base = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
            for (Method method : resource.getDeclaredMethods()) {
                Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
                        .filter(method::isAnnotationPresent).findFirst().ifPresent(verb -> {
                            String sub = method.isAnnotationPresent(Path.class)
                                    ? method.getAnnotation(Path.class).value() : "";
                            String full = (base + (sub.isEmpty() || sub.startsWith("/") ? sub : "/" + sub))
                                    .replaceAll("/+$", "");
                            if (full.startsWith("/api/orders/{id}") || full.startsWith(TMF + "/productOrder/{id}")) {
                                endpoints.add(verb.getSimpleName() + " " + full.replace("{id}", "{order}"));
                            }
                        });
            }
        }
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(11).contains("GET " + TMF + "/productOrder/{order}");
        assertThat(rows).as("order-scoped rows of the matrix").containsAll(endpoints);
    }

    @Test
    void channelsAreTheOrderChannels() {
        assertThat(ChannelBinding.KNOWN_CHANNELS).containsExactlyInAnyOrderElementsOf(
                Stream.of(pe.telco.orders.order.Channel.values()).map(Enum::name).toList());
    }

    private static void assertNotFound(io.restassured.response.Response response, String path, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(404);
        assertError(response, path, "not-found", what);
    }

    /** An error of this kind: problem+json on /api, TMF's Error shape (naming the same problem type) on /tmf-api. */
    private static void assertError(io.restassured.response.Response response, String path, String kind,
            String what) {
        if (path.startsWith("/tmf-api/")) {
            assertThat(response.contentType()).as(what).startsWith("application/json");
            assertThat(response.<String>path("code")).as(what).isEqualTo(kind);
            assertThat(response.<String>path("referenceError")).as(what).isEqualTo("https://problems.telco.pe/" + kind);
        } else {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.<String>path("type")).as(what).isEqualTo("https://problems.telco.pe/" + kind);
        }
    }

    private static int history(long order) {
        return given().get("/api/orders/" + order + "/history").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    private static long countOrders() {
        return ((Number) given().get("/api/orders?size=1").then().statusCode(200).extract().path("total")).longValue();
    }

    private static String token(Set<String> groups, String channel) {
        var claims = Jwt.issuer("https://auth.telco.pe").upn("backend-" + (channel == null ? "none" : channel.strip()))
                .groups(groups);
        if (channel != null) {
            claims = claims.claim("channel", channel);
        }
        return claims.sign("jwt/test-privateKey.pem");
    }

    private static List<Class<?>> resources;

    /** The JAX-RS resource classes (imported once: ArchUnit warns about Quarkus' class loader on each import). */
    private static synchronized List<Class<?>> resources() {
        if (resources == null) {
            resources = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                    .importPackages("pe.telco.orders").stream().filter(c -> c.isAnnotatedWith(Path.class))
                    .map(JavaClass::reflect).toList();
        }
        return resources;
    }

    private static long webOrderId;

    private static synchronized long webOrder() {
        if (webOrderId == 0) {
            webOrderId = Shop.createOrder(as("web"), Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        }
        return webOrderId;
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORDS.get(user)).contentType(ContentType.JSON);
    }

    private static io.restassured.response.Response send(RequestSpecification request, String method, String path) {
        if (path.equals("/api/rulesets") && method.equals("POST")) {
            return request.multiPart("file", "notes.txt", new byte[] {'x'}).post(path);
        }
        RequestSpecification json = request.contentType(ContentType.JSON).body("{}");
        return switch (method) {
            case "POST" -> json.post(path);
            case "DELETE" -> request.delete(path);
            case "PUT" -> json.put(path);
            case "PATCH" -> json.patch(path);
            default -> request.get(path);
        };
    }

    private static Arguments row(String method, String path, Set<String> allowed) {
        return Arguments.of(method, path, allowed);
    }
}
