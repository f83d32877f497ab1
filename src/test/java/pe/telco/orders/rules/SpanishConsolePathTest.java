package pe.telco.orders.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.console.ConsoleSession;
import pe.telco.orders.support.LiveRules;
import pe.telco.orders.support.Shop;

/**
 * A Spanish-speaking business user walks the whole path in the console (a refused upload, an upload, its impact
 * preview, its activation, an order evaluated under it, the audit and the review queue) and no page shows an English
 * sentence or an untranslated key: every page is scanned for a list of English words and phrases the console used to
 * show. Codes (reason codes, rule ids, conditions), what people wrote themselves (workbook labels and values,
 * comments) and the folded "detalle técnico" are not sentences of the console and are left out of the scan.
 */
@QuarkusTest
public class SpanishConsolePathTest {

    /**
     * English the console must never show on a Spanish page: its old statuses, labels and sentences. Codes a business
     * user writes in the tables themselves (RESIDENTIAL, CALL_CENTER, ...) may appear where a condition is explained
     * with the cell's value; where the console names them itself (segment, channel) the path asserts the names.
     */
    private static final List<String> ENGLISH = List.of("the", "The", "and", "of", "is", "not", "never", "fire",
            "fired", "fires", "row", "Row", "rows", "would", "will", "must", "cannot", "could", "was", "were", "has",
            "have", "with", "from", "this", "This", "which", "Evaluation", "evaluations", "Version", "Rule", "Rules",
            "Warnings", "warning", "Example", "order", "orders", "Order", "decision", "Decision", "Released", "Held",
            "Rejected", "Pass", "Fail", "Review", "QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED", "PASS", "FAIL",
            "REVIEW", "RELEASED", "HELD", "REJECTED", "inProgress", "pending", "acknowledged", "CREDIT", "COVERAGE",
            "INVENTORY",
            "TERMS", "COMPATIBILITY", "FINANCIAL_APPROVAL", "Check", "Credit", "Coverage", "Terms", "Compatibility",
            "customer", "Customer", "items", "amount", "overlaps", "matches", "handles", "empty", "refused", "Error",
            "Not found", "Forbidden", "first hit", "not evaluated", "months",
            "reference", "nothing", "stored", "Items", "Delivery", "Segment", "Stock level", "instalments");
    private static final Pattern UNRESOLVED = Pattern.compile("\\{[#/@!]?[a-zA-Z][\\w.:]*(\\(.*?\\))?}|NOT_FOUND|msg:");

    private final List<String> scanned = new ArrayList<>();

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
    void everyPageOfUploadImpactActivationEvaluationAuditAndReviewIsSpanish() {
        long released = order(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 24), "app");
        long held = order(Shop.phoneOrder(Shop.BORDERLINE, "T-PHONE-A15", 12), "app");

        ConsoleSession ana = ConsoleSession.signIn("ana.analyst", "analyst-secret");
        spanish(ana, "/console");
        spanish(ana, "/console/rules");
        String refused = upload(ana, Workbooks.edited("credit.drl.xlsx", sheet -> Workbooks.cell(sheet,
                Workbooks.find(sheet, "CREDIT-070").getRowIndex(), Workbooks.column(sheet, "Monto financiado hasta"))
                .setCellValue("1.500,50"))).then().statusCode(422).extract().asString();
        assertThat(refused).contains("no es un número");
        assertSpanish("refused upload", refused);

        String location = upload(ana, RulesetUploads.creditInstalments(12)).then().statusCode(303).extract()
                .header("Location");
        int version = Integer.parseInt(location.replaceAll(".*/rules/(\\d+).*", "$1"));
        assertThat(spanish(ana, "/console/rules/" + version + "?uploaded=true")).contains("id=\"report\"")
                .contains("Advertencias");
        spanish(ana, "/console/rules/" + version + "/tables/credit.drl.xlsx");
        spanish(ana, "/console/rules/1/diff/" + version);

        String impact = ana.given().formParam("form-token", ana.formToken("/console/rules/" + version))
                .formParam("version", version).formParam("last", 20).post("/console/impact").then().statusCode(303)
                .extract().header("Location").replaceAll("^https?://[^/]+", "");
        spanish(ana, impact);
        finished(ana, impact);
        String report = spanish(ana, impact);
        assertThat(report).contains("Terminado").contains("id=\"impact-orders\"").contains("Liberado → Retenido")
                .contains("DNI " + Shop.GOOD_PAYER + " · Hogar").doesNotContain("(RESIDENTIAL)");

        ConsoleSession rita = ConsoleSession.signIn("rita.rules", "rules-secret");
        String page = "/console/rules/" + version;
        rita.given().formParam("form-token", rita.formToken(page)).formParam("comment", "cuotas hasta 12")
                .post(page + "/activation").then().statusCode(303);
        assertThat(spanish(rita, page + "?activated=true")).contains("id=\"activated\"");
        spanish(rita, "/console/rules");

        long underCandidate = order(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 24), "app");
        ConsoleSession aldo = ConsoleSession.signIn("aldo.auditor", "auditor-secret");
        for (long order : new long[] {underCandidate, released, held}) {
            String evaluation = aldo.given().accept("text/html").get("/console/audit/orders/" + order).then()
                    .statusCode(303).extract().header("Location").replaceAll("^https?://[^/]+", "");
            assertThat(spanish(aldo, evaluation)).contains("Lo pedido").contains("Galaxy A15")
                    .contains("Dirección y cobertura").contains("Detalle técnico");
        }
        String english = aldo.given().accept("text/html").header("Accept-Language", "en")
                .get("/console/audit/orders/" + underCandidate).then().statusCode(303).extract().header("Location");
        assertThat(aldo.given().accept("text/html").get(english.replaceAll("^https?://[^/]+", "") + "?lang=en").then()
                .statusCode(200).extract().asString()).as("the same page in English").contains("What was ordered")
                .contains("Address and coverage").contains("Why not").contains("did not fire")
                .doesNotContain("Lo pedido");
        spanish(aldo, "/console/audit");
        assertThat(spanish(aldo, "/console/audit?decision=HELD&channel=APP")).contains("<td>App</td>")
                .doesNotContain("<td>APP</td>");
        assertSpanish("audit search refused", aldo.given().accept("text/html").header("Accept-Language", "es")
                .get("/console/audit?rulesetVersion=abc").then().statusCode(400).extract().asString());
        assertSpanish("not found", aldo.given().accept("text/html").header("Accept-Language", "es")
                .get("/console/audit/evaluations/999999999").then().statusCode(404).extract().asString());

        ConsoleSession raul = ConsoleSession.signIn("raul.reviewer", "reviewer-secret");
        int pages = (int) Math.max(1, (total("/api/approvals?size=1") + 19) / 20);
        assertThat(spanish(raul, "/console/review?page=" + (pages - 1))).contains("Lo pedido");
        spanish(raul, "/console/review");
        raul.given().formParam("form-token", raul.formToken("/console/review")).formParam("decision", "approve")
                .formParam("comment", "ingresos verificados").post("/console/review/" + held).then().statusCode(303);
        assertThat(spanish(raul, "/console/review?done=" + java.net.URLEncoder.encode("X → en curso",
                java.nio.charset.StandardCharsets.UTF_8))).contains("id=\"review-done\"");

        assertThat(scanned).hasSizeGreaterThan(15);
    }

    @Test
    void theScanCatchesEnglishAndUnresolvedKeys() {
        assertThat(englishIn("<p>Row CREDIT-090 can never fire</p>")).map(f -> f.split(" ")[0])
                .contains("Row", "never", "fire");
        assertThat(englishIn("<span class=\"badge\">DONE</span>")).map(f -> f.split(" ")[0]).contains("DONE");
        assertThat(englishIn("<p>{msg:impactTitle}</p>")).isNotEmpty();
        assertThat(englishIn("<p>La fila <span class=\"mono\">CREDIT-090</span> nunca se aplicará</p>"
                + "<details class=\"technical\"><summary>Detalle técnico</summary>The rule does not compile</details>"
                + "<td class=\"data\">Cuotas hasta [instalments ≤]</td>")).isEmpty();
    }

    private String spanish(ConsoleSession session, String path) {
        String html = session.given().accept("text/html").header("Accept-Language", "es").get(path).then()
                .statusCode(200).extract().asString();
        assertSpanish(path, html);
        return html;
    }

    private void assertSpanish(String page, String html) {
        scanned.add(page);
        assertThat(html).as(page).contains("<html lang=\"es\">");
        assertThat(englishIn(html)).as("English or untranslated keys on %s", page).isEmpty();
    }

    /** The English words and unresolved keys in the page's text, leaving out codes, people's own text, detail. */
    public static List<String> englishIn(String html) {
        String text = visibleSentences(html);
        List<String> found = new ArrayList<>();
        for (String word : ENGLISH) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\d_-])" + Pattern.quote(word) + "(?![\\p{L}\\d_-])").matcher(text);
            if (m.find()) {
                found.add(word + " … " + text.substring(Math.max(0, m.start() - 60),
                        Math.min(text.length(), m.end() + 60)).replaceAll("\\s+", " "));
            }
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        while (unresolved.find()) {
            found.add(unresolved.group());
        }
        return found;
    }

    private static String visibleSentences(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->", " ");
        text = withoutElements(text, "(?:[^\"]*\\s)?(?:mono|data|technical)(?:\\s[^\"]*)?");
        text = withoutElements(text, null); // the language switch names the other language
        return text.replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&gt;", ">")
                .replace("&lt;", "<").replace("&#39;", "'").replace("&quot;", "\"");
    }

    /** Removes each element whose class matches (or the language switch, when null), nested tags included. */
    private static String withoutElements(String html, String classPattern) {
        Pattern open = classPattern == null ? Pattern.compile("<(a)\\b[^>]*id=\"lang-switch\"[^>]*>")
                : Pattern.compile("<(\\w+)\\b[^>]*class=\"" + classPattern + "\"[^>]*>");
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = open.matcher(html);
        while (m.find(from)) {
            out.append(html, from, m.start());
            String tag = m.group(1);
            Matcher tags = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
            int depth = 0;
            int end = html.length();
            tags.region(m.start(), html.length());
            while (tags.find()) {
                depth += tags.group(1).isEmpty() ? 1 : -1;
                if (depth == 0) {
                    end = tags.end();
                    break;
                }
            }
            from = end;
        }
        out.append(html.substring(Math.min(from, html.length())));
        return out.toString();
    }

    private static Response upload(ConsoleSession session, pe.telco.orders.engine.RuleFile file) {
        return session.given().accept("text/html").header("Accept-Language", "es")
                .multiPart("form-token", session.formToken("/console/rules"))
                .multiPart("comment", "cuotas de CREDIT-070")
                .multiPart("file", file.name(), file.content(), "application/octet-stream").post("/console/rules");
    }

    private static void finished(ConsoleSession session, String impact) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String state = session.given().accept("application/json").get(impact + "/progress").then().statusCode(200)
                    .extract().path("state");
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).isEqualTo("DONE");
                return;
            }
            // a breath between polls of the job's state, which the deadline bounds
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("the impact preview did not finish in time");
    }

    private static long order(Map<String, Object> body, String channel) {
        var as = given().auth().preemptive().basic(channel, channel + "-secret");
        long id = ((Number) as.contentType(ContentType.JSON).body(body).post("/api/orders").then().statusCode(201)
                .extract().path("id")).longValue();
        given().auth().preemptive().basic(channel, channel + "-secret").post("/api/orders/" + id + "/evaluation")
                .then().statusCode(200);
        return id;
    }

    private static long total(String path) {
        return ((Number) given().auth().preemptive().basic("raul.reviewer", "reviewer-secret").get(path).then()
                .statusCode(200).extract().path("total")).longValue();
    }
}
