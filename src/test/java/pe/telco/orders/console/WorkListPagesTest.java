package pe.telco.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.rules.SpanishConsolePathTest;
import pe.telco.orders.support.Shop;

/**
 * The warehouse's and field service's console pages over plain HTTP, on the real service: each sees its own work,
 * acts through the rows' forms (checked through the API), and is told in its language what was refused and why.
 */
@QuarkusTest
class WorkListPagesTest {

    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    private ConsoleSession wendy;
    private ConsoleSession fabio;

    @BeforeEach
    void signedIn() {
        Shop.open();
        wendy = ConsoleSession.signIn("wendy.warehouse", "warehouse-secret");
        fabio = ConsoleSession.signIn("fabio.field", "field-secret");
    }

    @Test
    void theWarehouseAndFieldServiceLandOnTheirListAndSeeOnlyTheirMenus() {
        wendy.given().get("/console").then().statusCode(303).header("Location", endsWith("/console/shipments"));
        fabio.given().get("/console").then().statusCode(303).header("Location", endsWith("/console/work-orders"));

        wendy.given().get("/console/shipments").then().statusCode(200)
                .body(containsString("id=\"nav-shipments\""), not(containsString("id=\"nav-work-orders\"")),
                        not(containsString(">Resumen</a>")), containsString("id=\"bound-location\""));
        fabio.given().get("/console/work-orders").then().statusCode(200)
                .body(containsString("id=\"nav-work-orders\""), not(containsString("id=\"nav-shipments\"")));
        ConsoleSession ops = ConsoleSession.signIn("olga.ops", "ops-secret");
        ops.given().get("/console").then().statusCode(200).body(containsString("id=\"nav-shipments\""),
                containsString("id=\"nav-work-orders\""));
        ConsoleSession.signIn("aldo.auditor", "auditor-secret").given().get("/console").then().statusCode(200)
                .body(not(containsString("id=\"nav-shipments\"")), not(containsString("id=\"nav-work-orders\"")));
    }

    @Test
    void theWarehouseSeesOnlyItsLocationsShipmentsAndCannotActOnAnothers() {
        long mineOrder = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, Shop.WAREHOUSE_PHONE, 0));
        long theirOrder = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, "T-PHONE-A15", 0));
        long mine = shipmentOf(mineOrder).getLong("id");
        long theirs = shipmentOf(theirOrder).getLong("id");
        assertThat(shipmentOf(mineOrder).getString("locationCode")).isEqualTo(Shop.WENDYS_WAREHOUSE);
        assertThat(shipmentOf(theirOrder).getString("locationCode")).isEqualTo("T-WH");

        List<Long> listed = rowIds(wendy, "/console/shipments?state=PREPARED&location=T-WH", "shipment");
        assertThat(listed).contains(mine).doesNotContain(theirs); // the location asked for is not hers: ignored

        String refused = post(wendy, "/console/shipments/" + theirs + "/dispatch").then().statusCode(404)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(refused).contains("El envío " + theirs + " no existe o no es del almacén F-WH; nada cambió.");
        assertThat(shipmentOf(theirOrder).getString("state")).isEqualTo("PREPARED");

        ConsoleSession ops = ConsoleSession.signIn("olga.ops", "ops-secret");
        assertThat(rowIds(ops, "/console/shipments?state=PREPARED&location=T-WH", "shipment")).contains(theirs)
                .doesNotContain(mine);
    }

    @Test
    void aShipmentIsDispatchedAndDeliveredThroughTheForms() {
        long order = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, Shop.WAREHOUSE_PHONE, 0));
        long id = shipmentOf(order).getLong("id");
        assertThat(rowIds(wendy, "/console/shipments", "shipment")).as("open shipments by default").contains(id);

        String back = post(wendy, "/console/shipments/" + id + "/dispatch", "view", "state=open&page=0").then()
                .statusCode(303).extract().header("Location");
        assertThat(back).contains("/console/shipments?state=open&page=0&");
        wendy.given().get(back).then().statusCode(200).body(containsString("Envío " + id + " despachado."));
        assertThat(shipmentOf(order).getString("state")).isEqualTo("DISPATCHED");

        String missing = post(wendy, "/console/shipments/" + id + "/delivery", "recipientName", "  ").then()
                .statusCode(400).extract().asString();
        assertThat(missing).contains("No se registró «Registrar entrega»; nada cambió.",
                "Nombre de quien recibe: falta; esta acción lo necesita",
                "Referencia de la firma: falta; esta acción lo necesita");
        assertThat(shipmentOf(order).getString("state")).isEqualTo("DISPATCHED");

        post(wendy, "/console/shipments/" + id + "/delivery", "recipientName", "R".repeat(201),
                "signatureReference", "FIRMA-889").then().statusCode(400)
                .body(containsString("Nombre de quien recibe: admite hasta 200 caracteres"));
        assertThat(shipmentOf(order).getString("state")).isEqualTo("DISPATCHED");
        post(wendy, "/console/shipments/" + id + "/delivery", "recipientName", "Rosa <b>Quispe</b>",
                "signatureReference", "FIRMA-889").then().statusCode(303);
        JsonPath delivered = shipmentOf(order);
        assertThat(delivered.getString("state")).isEqualTo("DELIVERED");
        assertThat(delivered.getString("recipientName")).isEqualTo("Rosa <b>Quispe</b>");
        given().get("/api/orders/" + order + "/history").then().statusCode(200)
                .body("actor", org.hamcrest.Matchers.hasItem("wendy.warehouse"));
        String page = pageWith(wendy, "/console/shipments?state=DELIVERED", "shipment-" + id);
        assertThat(page).contains("Rosa &lt;b&gt;Quispe&lt;/b&gt;").doesNotContain("<b>Quispe");
    }

    @Test
    void anActionTheStateNoLongerAllowsIsRefusedInSpanishAndInEnglish() {
        long order = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, Shop.WAREHOUSE_PHONE, 0));
        long id = shipmentOf(order).getLong("id");
        post(wendy, "/console/shipments/" + id + "/dispatch").then().statusCode(303);

        String spanish = post(wendy, "/console/shipments/" + id + "/dispatch").then().statusCode(409).extract()
                .asString();
        assertThat(spanish).contains("El envío " + id + " está en estado «Despachado»: «Despachar» no es posible en "
                + "ese estado. Nada cambió;").contains("<html lang=\"es\">");
        assertThat(SpanishConsolePathTest.englishIn(spanish)).isEmpty();
        String english = wendy.given().cookie("console-lang", "en")
                .formParam("form-token", wendy.formToken("/console/shipments"))
                .post("/console/shipments/" + id + "/dispatch").then().statusCode(409).extract().asString();
        assertThat(english).contains("Shipment " + id + " is “Dispatched”: “Dispatch” is not possible in that state. "
                + "Nothing was changed;").contains("<html lang=\"en\">");
        assertThat(english).as("the language switch leads to the list, not to the form's address")
                .contains("href=\"/console/shipments?state=open&amp;page=0&amp;lang=es\"");
        JsonPath shipment = shipmentOf(order);
        assertThat(shipment.getString("state")).isEqualTo("DISPATCHED");
        assertThat(shipment.getInt("deliveryAttempts")).isEqualTo(1);
    }

    @Test
    void aFormWithoutTheFormTokenIsRefusedAndChangesNothing() {
        long order = Shop.releasedOrder(Shop.phoneOrder(Shop.GOOD_PAYER, Shop.WAREHOUSE_PHONE, 0));
        long fibre = Shop.releasedOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        long id = shipmentOf(order).getLong("id");
        long work = workOrderOf(fibre).getLong("id");

        wendy.given().accept("text/html").post("/console/shipments/" + id + "/dispatch").then().statusCode(403)
                .body(containsString("Este formulario venció o no se envió desde la consola"));
        fabio.given().formParam("form-token", "forged").post("/console/work-orders/" + work + "/start").then()
                .statusCode(403).contentType("application/problem+json");
        assertThat(shipmentOf(order).getString("state")).isEqualTo("PREPARED");
        assertThat(workOrderOf(fibre).getString("state")).isEqualTo("SCHEDULED");
    }

    @Test
    void fieldServiceStartsAndCompletesAWorkOrderAndReschedulesAnother() {
        long order = Shop.releasedOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        JsonPath first = workOrderOf(order);
        long id = first.getLong("id");
        String day = first.getString("appointmentOn");
        long otherOrder = Shop.releasedOrder(Shop.fibreOrder(Shop.newDni(), "15046"));
        long other = workOrderOf(otherOrder).getLong("id");

        String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
        fabio.given().get("/console/work-orders").then().statusCode(200)
                .body(containsString("name=\"date\" id=\"filter-date\" value=\"" + today + "\""),
                        containsString("para hoy (" + today + ")"));
        assertThat(rowIds(fabio, "/console/work-orders?date=" + day + "&postalCode=15046", "work-order"))
                .contains(id, other);
        assertThat(rowIds(fabio, "/console/work-orders?date=" + day + "&postalCode=15311", "work-order"))
                .doesNotContain(id);

        String back = post(fabio, "/console/work-orders/" + id + "/start", "view", "date=" + day + "&page=0")
                .then().statusCode(303).extract().header("Location");
        fabio.given().get(back).then().statusCode(200).body(containsString("Orden de trabajo " + id + " iniciada."),
                containsString("value=\"" + day + "\""));
        String missing = post(fabio, "/console/work-orders/" + id + "/completion", "technician", "Tec. Luis Ramos")
                .then().statusCode(400).extract().asString();
        assertThat(missing).contains("Línea o equipo: falta; esta acción lo necesita");
        assertThat(workOrderOf(order).getString("state")).isEqualTo("IN_PROGRESS");
        post(fabio, "/console/work-orders/" + id + "/completion", "technician", "Tec. Luis Ramos",
                "lineOrEquipmentId", "ONT-4471").then().statusCode(303);
        assertThat(workOrderOf(order).getString("state")).isEqualTo("COMPLETED");
        assertThat(workOrderOf(order).getString("technician")).isEqualTo("Tec. Luis Ramos");
        assertThat(given().get("/api/orders/" + order).then().extract().<String>path("state"))
                .isEqualTo("completed");

        String later = LocalDate.parse(day).plusDays(3).toString();
        post(fabio, "/console/work-orders/" + other + "/reschedule", "appointmentOn", "31-12-2026").then()
                .statusCode(400).body(containsString("Nueva fecha: no es una fecha (AAAA-MM-DD)"));
        post(fabio, "/console/work-orders/" + other + "/reschedule", "appointmentOn", later, "slot", "14:00-18:00",
                "reason", "El cliente no estará").then().statusCode(303);
        JsonPath rescheduled = workOrderOf(otherOrder);
        assertThat(rescheduled.getString("state")).isEqualTo("RESCHEDULED");
        assertThat(rescheduled.getString("appointmentOn")).isEqualTo(later);
        assertThat(rescheduled.getString("slot")).isEqualTo("14:00-18:00");

        String english = fabio.given().cookie("console-lang", "en")
                .formParam("form-token", fabio.formToken("/console/work-orders"))
                .post("/console/work-orders/" + id + "/start").then().statusCode(409).extract().asString();
        assertThat(english).contains("Work order " + id + " is “Completed”: “Start” is not possible in that state.");
    }

    @Test
    void aBadFilterIsExplainedAndTheListIsNotGuessed() {
        fabio.given().get("/console/work-orders?date=31-12-2026&postalCode=150").then().statusCode(400)
                .body(containsString("Fecha de la cita: no es una fecha (AAAA-MM-DD)"),
                        containsString("Código postal: debe tener 5 dígitos"), containsString("id=\"list-empty\""));
        wendy.given().header("Accept-Language", "en").get("/console/shipments?state=LOST").then().statusCode(400)
                .body(containsString("Check the filter:"), containsString("State: not valid"));
    }

    private static Response post(ConsoleSession session, String path, String... fields) {
        String list = path.startsWith("/console/shipments") ? "/console/shipments" : "/console/work-orders";
        var request = session.given().formParam("form-token", session.formToken(list));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    private static String html(ConsoleSession session, String path) {
        return session.given().get(path).then().statusCode(200).extract().asString();
    }

    /** The row ids of every page of a list, following its "next" links. */
    private static List<Long> rowIds(ConsoleSession session, String path, String kind) {
        Pattern row = Pattern.compile("<tr id=\"" + kind + "-(\\d+)\"");
        List<Long> ids = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null && pages < 200; pages++) {
            String html = html(session, next);
            Matcher m = row.matcher(html);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            Matcher link = NEXT.matcher(html);
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        return ids;
    }

    /** The page of a list that shows this row (following its "next" links). */
    private static String pageWith(ConsoleSession session, String path, String rowId) {
        String next = path;
        for (int pages = 0; next != null && pages < 200; pages++) {
            String html = html(session, next);
            if (html.contains("<tr id=\"" + rowId + "\"")) {
                return html;
            }
            Matcher link = NEXT.matcher(html);
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        throw new AssertionError(rowId + " is on no page of " + path);
    }

    /** The order's (first) shipment as the API answers it. */
    private static JsonPath shipmentOf(long order) {
        return new JsonPath(given().get("/api/orders/" + order + "/shipments").then().statusCode(200).extract()
                .asString()).setRootPath("[0]");
    }

    /** The order's (first) work order as the API answers it. */
    private static JsonPath workOrderOf(long order) {
        return new JsonPath(given().get("/api/orders/" + order + "/work-orders").then().statusCode(200).extract()
                .asString()).setRootPath("[0]");
    }
}
