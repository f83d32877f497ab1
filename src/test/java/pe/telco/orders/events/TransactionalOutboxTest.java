package pe.telco.orders.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.telco.orders.events.EventsFixture.FIBRE;
import static pe.telco.orders.events.EventsFixture.PHONE;
import static pe.telco.orders.events.EventsFixture.customer;
import static pe.telco.orders.events.EventsFixture.decided;
import static pe.telco.orders.events.EventsFixture.post;
import static pe.telco.orders.events.EventsFixture.rows;
import static pe.telco.orders.events.EventsFixture.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.order.OrderService;

/**
 * Every change of an order, its shipments, work orders and invoice writes its events in the same transaction:
 * numbered 1, 2, 3… per order without gaps, none for a change that was refused and rolled back.
 */
@QuarkusTest
class TransactionalOutboxTest {

    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    OrderService orders;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @BeforeEach
    void open() {
        EventsFixture.open();
    }

    /**
     * The outbox writes a transaction's events just before it commits: on that transaction's own connection, so a
     * commit that still fails after them takes them along.
     */
    @Test
    void eventsWrittenAtTheEndOfATransactionGoWithItsRollback() throws Exception {
        long id = EventsFixture.released();
        int before = rows(db, id).size();
        AtomicInteger seenInside = new AtomicInteger();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            orders.note(orders.lockForUpdate(id), "follow-up-due", "tester", "a note whose commit fails");
            // registered after the outbox's: runs once the outbox has written, then fails the commit
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    try {
                        seenInside.set(rows(db, id).size());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    throw new IllegalStateException("the commit fails after the outbox wrote");
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to do
                }
            });
        })).isInstanceOf(RuntimeException.class);

        assertThat(seenInside.get()).as("the note's event, written inside the transaction").isEqualTo(before + 1);
        assertThat(rows(db, id)).as("and gone with its rollback").hasSize(before);
    }

    @Test
    void anOrderFromReceiptToPaymentHasEveryEventInSequence() throws Exception {
        long id = EventsFixture.released();
        EventsFixture.fulfilAndPay(id);

        List<EventsFixture.Row> rows = rows(db, id);
        assertThat(rows).extracting(EventsFixture.Row::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, rows.size()).boxed().toList());
        assertThat(rows).extracting(EventsFixture.Row::type).containsExactly(
                "ProductOrderCreateEvent",
                "ProductOrderStateChangeEvent", // evaluated: inProgress
                "ProductOrderMilestoneEvent", "ShippingOrderCreateEvent",
                "ProductOrderMilestoneEvent", "WorkOrderCreateEvent",
                "ProductOrderMilestoneEvent", "ShippingOrderStateChangeEvent", // dispatch
                "ProductOrderMilestoneEvent", "ShippingOrderStateChangeEvent", // delivery
                "ProductOrderMilestoneEvent", "WorkOrderStateChangeEvent", // start
                "ProductOrderMilestoneEvent", "WorkOrderStateChangeEvent", // completion
                "ProductOrderStateChangeEvent", // completed
                "ProductOrderMilestoneEvent", "CustomerBillCreateEvent", // invoiced
                "ProductOrderMilestoneEvent", // follow-up due
                "ProductOrderMilestoneEvent", "CustomerBillStateChangeEvent"); // paid
        assertThat(rows).extracting(EventsFixture.Row::topic).contains("order", "shipment", "work-order", "invoice");

        JsonNode completed = json.readTree(rows.get(14).body());
        assertThat(completed.path("@type").asText()).isEqualTo("ProductOrderStateChangeEvent");
        assertThat(completed.path("eventId").asText()).isEqualTo(rows.get(14).eventId());
        JsonNode order = completed.path("event").path("productOrder");
        assertThat(order.path("id").asText()).isEqualTo(String.valueOf(id));
        assertThat(order.path("state").asText()).isEqualTo("completed");
        assertThat(order.path("channel").path(0).path("channel").path("id").asText()).isEqualTo("WEB");
        assertThat(order.path("productOrderMilestone").path(0).path("name").asText()).isEqualTo("completed");
        JsonNode shipped = json.readTree(rows.get(9).body()).path("event").path("shippingOrder");
        assertThat(shipped.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(shipped.path("recipientName").asText()).isEqualTo("Rosa Quispe");
        JsonNode installed = json.readTree(rows.get(13).body()).path("event").path("workOrder");
        assertThat(installed.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(installed.path("technician").asText()).isEqualTo("Tec. Ana Ruiz");
                JsonNode paid = json.readTree(rows.get(rows.size() - 1).body()).path("event").path("customerBill");
        assertThat(paid.path("state").asText()).isEqualTo("PAID");
        assertThat(paid.path("remainingAmount").path("value").decimalValue()).isZero();
        // one history entry, one or two events: never an entry without its event
        assertThat(given().get("/api/orders/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("")).hasSize((int) rows.stream().filter(r -> r.topic().equals("order")).count());
    }

    @Test
    void aRefusedChangeLeavesNoEvent() throws Exception {
        long id = EventsFixture.released();
        long shipment = EventsFixture.shipmentId(id);
        post("/api/shipments/" + shipment + "/dispatch", Map.of()).then().statusCode(200);
        List<String> before = types(db, id);

        // the shipment moves to DELIVERED in memory, then the missing signature rolls the transaction back
        post("/api/shipments/" + shipment + "/delivery", Map.of()).then().statusCode(400);
        post("/api/shipments/" + shipment + "/dispatch", Map.of()).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"reason\":\"too late\"}")
                .post("/api/orders/" + id + "/cancellation").then().statusCode(409);

        assertThat(types(db, id)).isEqualTo(before);
        assertThat(rows(db, id)).extracting(EventsFixture.Row::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, before.size()).boxed().toList());
    }

    @Test
    void aHeldOrderAsksForInformationWithReasonCodesOnly() throws Exception {
        long id = decided("HELD", customer(560), PHONE, 1, 12);

        List<EventsFixture.Row> rows = rows(db, id);
        assertThat(rows).extracting(EventsFixture.Row::type).containsExactly("ProductOrderCreateEvent",
                "ProductOrderStateChangeEvent", "ProductOrderInformationRequiredEvent");
        JsonNode asked = json.readTree(rows.get(2).body()).path("event").path("productOrder");
        assertThat(asked.path("state").asText()).isEqualTo("pending");
        assertThat(asked.path("productOrderErrorMessage").findValuesAsText("code")).contains("BORDERLINE_CREDIT");
        for (EventsFixture.Row row : rows) {
            // never the score (as a value: a random event id may hold the digits), a rule id or an internal message
            assertThat(values(json.readTree(row.body()))).as(row.type()).doesNotContain("560");
            assertThat(row.body()).doesNotContain("CREDIT-").doesNotContain("score")
                    .doesNotContain("ruleId").doesNotContain("\"message\"");
        }
    }

    /** Every scalar value in the body, as text. */
    private static List<String> values(JsonNode node) {
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        List<String> all = new ArrayList<>();
        node.elements().forEachRemaining(child -> all.addAll(values(child)));
        return all;
    }

    @Test
    void aCancellationCancelsTheOrderItsShipmentsAndWorkOrders() throws Exception {
        long id = EventsFixture.released();
        int before = rows(db, id).size();
        given().contentType(ContentType.JSON).body("{\"reason\":\"El cliente se mudó\"}")
                .post("/api/orders/" + id + "/cancellation").then().statusCode(200);

        List<EventsFixture.Row> after = rows(db, id).subList(before, rows(db, id).size());
        assertThat(after).extracting(EventsFixture.Row::type).containsExactly("ProductOrderStateChangeEvent",
                "CancelProductOrderStateChangeEvent", "ShippingOrderStateChangeEvent", "WorkOrderStateChangeEvent");
        JsonNode cancel = json.readTree(after.get(1).body()).path("event").path("cancelProductOrder");
        assertThat(cancel.path("state").asText()).isEqualTo("done");
        assertThat(cancel.path("cancellationReason").asText()).isEqualTo("El cliente se mudó");
        assertThat(json.readTree(after.get(2).body()).at("/event/shippingOrder/state").asText()).isEqualTo("CANCELLED");
        assertThat(json.readTree(after.get(3).body()).at("/event/workOrder/state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void concurrentChangesOfOneOrderNumberItsEventsWithoutGaps() throws Exception {
        long id = EventsFixture.released();
        long shipment = EventsFixture.shipmentId(id);
        long work = EventsFixture.workOrderId(id);
        var dispatch = java.util.concurrent.CompletableFuture.runAsync(() ->
                post("/api/shipments/" + shipment + "/dispatch", Map.of()).then().statusCode(200));
        var start = java.util.concurrent.CompletableFuture.runAsync(() ->
                post("/api/work-orders/" + work + "/start", Map.of()).then().statusCode(200));
        dispatch.join();
        start.join();

        List<EventsFixture.Row> rows = rows(db, id);
        assertThat(rows).extracting(EventsFixture.Row::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, rows.size()).boxed().toList());
        assertThat(rows).extracting(EventsFixture.Row::type).contains("ShippingOrderStateChangeEvent",
                "WorkOrderStateChangeEvent");
        assertThat(rows.stream().map(EventsFixture.Row::eventId).distinct().count()).isEqualTo(rows.size());
    }
}
