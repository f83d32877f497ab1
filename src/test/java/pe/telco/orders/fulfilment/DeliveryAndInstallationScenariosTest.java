package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static pe.telco.orders.fulfilment.Fulfil.FIBRE;
import static pe.telco.orders.fulfilment.Fulfil.MOBILE;
import static pe.telco.orders.fulfilment.Fulfil.PHONE;
import static pe.telco.orders.fulfilment.Fulfil.STORE;
import static pe.telco.orders.fulfilment.Fulfil.WAREHOUSE;
import static pe.telco.orders.fulfilment.Fulfil.decided;
import static pe.telco.orders.fulfilment.Fulfil.goodPayer;
import static pe.telco.orders.fulfilment.Fulfil.home;
import static pe.telco.orders.fulfilment.Fulfil.order;
import static pe.telco.orders.fulfilment.Fulfil.shipment;
import static pe.telco.orders.fulfilment.Fulfil.state;
import static pe.telco.orders.fulfilment.Fulfil.stock;
import static pe.telco.orders.fulfilment.Fulfil.workOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From release to completion: shipments home and to the store, installations and activations, and when they fail. */
@QuarkusTest
class DeliveryAndInstallationScenariosTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    @BeforeEach
    void open() {
        Fulfil.open();
    }

    @Test
    void phoneByHomeDeliveryFromReleaseToPaidInvoice() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");

        assertThat(state(id)).isEqualTo("inProgress");
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before[0], before[1] + 1, before[2] - 1);
        JsonPath shipments = Fulfil.shipments(id);
        assertThat(shipments.getList("")).hasSize(1);
        assertThat(shipments.getString("[0].state")).isEqualTo("PREPARED");
        assertThat(shipments.getString("[0].locationCode")).isEqualTo(WAREHOUSE);
        assertThat(shipments.getString("[0].rule")).isEqualTo("FUL-020");
        assertThat(shipments.getString("[0].deliveryWindowFrom")).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(shipments.getString("[0].deliveryWindowTo")).isEqualTo(TODAY.plusDays(4).toString());
        assertThat(shipments.getString("[0].address.postalCode")).isEqualTo(Fulfil.POSTAL);
        assertThat(shipments.getList("[0].allowedEvents")).containsExactly("dispatch");

        long s = shipments.getLong("[0].id");
        shipment(s, "delivery", Fulfil.signed()).then().statusCode(409)
                .body("currentState", equalTo("PREPARED")).body("allowedActions", contains("dispatch", "cancel"));
        shipment(s, "dispatch").then().statusCode(200).body("state", equalTo("DISPATCHED"));
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before[0] - 1, before[1], before[2] - 1);
        shipment(s, "delivery", Map.of("recipientName", "Rosa")).then().statusCode(400)
                .body("errors.field", contains("signatureReference"));
        assertThat(Fulfil.shipments(id).getString("[0].state")).isEqualTo("DISPATCHED");
        shipment(s, "delivery", Fulfil.signed()).then().statusCode(200).body("state", equalTo("DELIVERED"))
                .body("recipientName", equalTo("Rosa Quispe")).body("allowedEvents.size()", equalTo(0));

        given().get("/api/orders/" + id).then().body("state", equalTo("completed"))
                .body("items[0].state", equalTo("completed"));
        JsonPath invoice = Fulfil.invoice(id);
        assertThat(invoice.getString("state")).isEqualTo("ISSUED");
        assertThat(invoice.getString("total")).isEqualTo("1199.0");
        assertThat(invoice.getDouble("base")).isEqualTo(1016.10);
        assertThat(invoice.getDouble("igv")).isEqualTo(182.90);
        assertThat(invoice.getString("dueOn")).isEqualTo(TODAY.plusDays(15).toString());
        assertThat(invoice.getString("paymentMethod")).isEqualTo("ONLINE");
        Fulfil.pay(invoice.getLong("id"), "1199.00").then().statusCode(200).body("state", equalTo("PAID"))
                .body("balance", equalTo(0.0f));
        given().get("/api/orders/" + id + "/history").then().statusCode(200)
                .body("milestone", hasItems("received", "evaluated", "shipment-prepared", "shipment-dispatch",
                        "shipment-delivery", "completed", "invoiced", "follow-up-due", "paid"))
                .body("find { it.milestone == 'shipment-delivery' }.actor", equalTo(pe.telco.orders.access.TesterCredentials.USER));
        given().get("/api/follow-ups?orderId=" + id).then().body("items[0].state", equalTo("DUE"))
                .body("items[0].dueOn", equalTo(TODAY.plusDays(2).toString()));
    }

    @Test
    void phoneByStorePickupIsReservedAndTakenAtTheStore() {
        int[] store = stock(STORE, PHONE);
        int[] warehouse = stock(WAREHOUSE, PHONE);
        long id = decided(order(goodPayer(), Fulfil.pickup(), PHONE, 1, 0), "RELEASED");

        assertThat(stock(STORE, PHONE)).containsExactly(store[0], store[1] + 1, store[2] - 1);
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(warehouse);
        JsonPath shipments = Fulfil.shipments(id);
        assertThat(shipments.getString("[0].locationCode")).isEqualTo(STORE);
        assertThat(shipments.getString("[0].deliveryMethod")).isEqualTo("STORE_PICKUP");
        assertThat(shipments.getString("[0].readyOn")).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(shipments.getString("[0].rule")).isEqualTo("FUL-010");

        Fulfil.deliver(id);
        assertThat(stock(STORE, PHONE)).containsExactly(store[0] - 1, store[1], store[2] - 1);
        assertThat(state(id)).isEqualTo("completed");
    }

    @Test
    void fibreIsInstalledAndBecomesACurrentProduct() {
        String dni = goodPayer();
        long id = decided(order(dni, null, FIBRE, 1, 0), "RELEASED");
        assertThat(Fulfil.shipments(id).getList("")).isEmpty();
        JsonPath work = Fulfil.workOrders(id);
        assertThat(work.getString("[0].workType")).isEqualTo("INSTALLATION");
        assertThat(work.getString("[0].state")).isEqualTo("SCHEDULED");
        assertThat(work.getString("[0].appointmentOn")).isEqualTo(TODAY.plusDays(3).toString());
        assertThat(work.getString("[0].slot")).isEqualTo("09:00-13:00");
        assertThat(work.getDouble("[0].installationFee")).isEqualTo(99.00);
        long w = work.getLong("[0].id");

        workOrder(w, "completion", Fulfil.done()).then().statusCode(409).body("currentState", equalTo("SCHEDULED"))
                .body("allowedActions", contains("start", "reschedule", "cancel"));
        workOrder(w, "start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        workOrder(w, "completion", Map.of("technician", "Luis")).then().statusCode(400)
                .body("errors.field", contains("lineOrEquipmentId"));
        workOrder(w, "completion", Fulfil.done()).then().statusCode(200).body("state", equalTo("COMPLETED"))
                .body("technician", equalTo("Tec. Luis Ramos"));

        assertThat(state(id)).isEqualTo("completed");
        given().get("/api/customers/DNI/" + dni).then().body("products.productCode", hasItem(FIBRE))
                .body("products.find { it.productCode == 'F-FIBER' }.address.postalCode", equalTo(Fulfil.POSTAL));
        JsonPath invoice = Fulfil.invoice(id);
        assertThat(invoice.getList("lines.description")).containsExactly("Fibra F 300 — primera mensualidad",
                "Instalación de Fibra F 300");
        assertThat(invoice.getDouble("total")).isEqualTo(218.00);
        assertThat(invoice.getDouble("lines[0].base")).isEqualTo(100.85);
        assertThat(invoice.getDouble("lines[0].igv")).isEqualTo(18.15);
        assertThat(invoice.getDouble("lines[1].base")).isEqualTo(83.90);
        assertThat(invoice.getDouble("lines[1].igv")).isEqualTo(15.10);
        assertThat(invoice.getDouble("base")).isEqualTo(184.75);
        assertThat(invoice.getDouble("igv")).isEqualTo(33.25);
    }

    @Test
    void mobileLineIsActivatedTheSameDay() {
        String dni = goodPayer();
        long id = decided(order(dni, null, MOBILE, 1, 0), "RELEASED");
        JsonPath work = Fulfil.workOrders(id);
        assertThat(work.getString("[0].workType")).isEqualTo("ACTIVATION");
        assertThat(work.getString("[0].appointmentOn")).isEqualTo(TODAY.toString());
        assertThat(work.getDouble("[0].installationFee")).isEqualTo(0.0);

        Fulfil.install(id);
        assertThat(state(id)).isEqualTo("completed");
        given().get("/api/customers/DNI/" + dni).then().body("products.productCode", hasItem(MOBILE));
        assertThat(Fulfil.invoice(id).getList("lines.description")).containsExactly("Postpago F 59 — primera mensualidad");
    }

    @Test
    void mixedOrderCompletesWhenEveryItemIsDoneAndBillsTheFirstInstalment() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 12, FIBRE, 1, 0), "RELEASED");
        Fulfil.deliver(id);
        given().get("/api/orders/" + id).then().body("state", equalTo("inProgress"))
                .body("items.state", contains("completed", "inProgress"));
        given().get("/api/orders/" + id + "/invoice").then().statusCode(404);

        Fulfil.install(id);
        assertThat(state(id)).isEqualTo("completed");
        JsonPath invoice = Fulfil.invoice(id);
        assertThat(invoice.getList("lines.description")).containsExactly("Moto G F — cuota 1 de 12",
                "Fibra F 300 — primera mensualidad", "Instalación de Fibra F 300");
        assertThat(invoice.getDouble("lines[0].total")).isEqualTo(99.92);
        assertThat(invoice.getDouble("total")).isEqualTo(317.92);
    }

    @Test
    void mixedOrderWhoseInstallationFailsForGoodIsPartialAndBillsOnlyThePhone() {
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0, FIBRE, 1, 0), "RELEASED");
        Fulfil.deliver(id);
        long w = Fulfil.workOrderId(id);
        workOrder(w, "start").then().statusCode(200);
        workOrder(w, "failure", Map.of("reason", "Sin acceso a la caja terminal")).then().statusCode(200)
                .body("state", equalTo("FAILED")).body("allowedEvents", contains("reschedule", "final-failure"));
        workOrder(w, "final-failure", Map.of("reason", "Edificio no autoriza tendido")).then().statusCode(200)
                .body("state", equalTo("FAILED_FOR_GOOD"));

        given().get("/api/orders/" + id).then().body("state", equalTo("partial"))
                .body("items.state", contains("completed", "failed"));
        JsonPath invoice = Fulfil.invoice(id);
        assertThat(invoice.getList("lines.description")).containsExactly("Moto G F");
        assertThat(invoice.getDouble("total")).isEqualTo(1199.00);
        given().get("/api/support-tickets?orderId=" + id).then().body("items[0].reason",
                equalTo("INSTALLATION_FAILED"));
    }

    @Test
    void failedDeliveryIsSentAgainAndThenDelivered() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        long s = Fulfil.shipmentId(id);
        shipment(s, "dispatch").then().statusCode(200);
        shipment(s, "failed-delivery", Map.of("reason", "Nadie en casa")).then().statusCode(200)
                .body("state", equalTo("FAILED_DELIVERY")).body("allowedEvents", contains("redelivery", "return"));
        shipment(s, "redelivery").then().statusCode(200).body("state", equalTo("DISPATCHED"))
                .body("deliveryAttempts", equalTo(2));
        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before[0] - 1, before[1], before[2] - 1);
        shipment(s, "delivery", Fulfil.signed()).then().statusCode(200);
        assertThat(state(id)).isEqualTo("completed");
    }

    @Test
    void returnedShipmentGoesBackOnHandAndTheOrderFails() {
        int[] before = stock(WAREHOUSE, PHONE);
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        long s = Fulfil.shipmentId(id);
        shipment(s, "dispatch").then().statusCode(200);
        shipment(s, "failed-delivery").then().statusCode(200);
        shipment(s, "return").then().statusCode(200).body("state", equalTo("RETURNED"));

        assertThat(stock(WAREHOUSE, PHONE)).containsExactly(before);
        assertThat(state(id)).isEqualTo("failed");
        given().get("/api/orders/" + id + "/invoice").then().statusCode(404);
    }

    @Test
    void failedInstallationOpensATicketAndIsRescheduled() {
        long id = decided(order(goodPayer(), null, FIBRE, 1, 0), "RELEASED");
        long w = Fulfil.workOrderId(id);
        workOrder(w, "start").then().statusCode(200);
        workOrder(w, "failure", Map.of("reason", "Cliente ausente")).then().statusCode(200);
        given().get("/api/support-tickets?orderId=" + id).then().statusCode(200)
                .body("items[0].reason", equalTo("INSTALLATION_FAILED"))
                .body("items[0].contactOn", equalTo(TODAY.plusDays(1).toString()))
                .body("items[0].detail", org.hamcrest.Matchers.containsString("Cliente ausente"));
        workOrder(w, "reschedule").then().statusCode(400).body("errors.field", contains("appointmentOn"));
        String next = TODAY.plusDays(5).toString();
        workOrder(w, "reschedule", Map.of("appointmentOn", next, "slot", "14:00-18:00")).then().statusCode(200)
                .body("state", equalTo("RESCHEDULED")).body("appointmentOn", equalTo(next));
        Fulfil.install(id);
        assertThat(state(id)).isEqualTo("completed");
        given().get("/api/orders/" + id + "/history").then()
                .body("milestone", hasItems("work-order-failure", "support-ticket-opened", "work-order-reschedule"));
    }

    @Test
    void unknownEventsAndShipmentsAreRefused() {
        given().contentType("application/json").body("{}").post("/api/shipments/999999999/dispatch").then()
                .statusCode(404);
        long id = decided(order(goodPayer(), home(), PHONE, 1, 0), "RELEASED");
        shipment(Fulfil.shipmentId(id), "cancel").then().statusCode(400).body("errors[0].field", equalTo("event"));
    }
}
