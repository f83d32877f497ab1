package pe.telco.orders.fulfilment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.fulfilment.Fulfil.goodPayer;
import static pe.telco.orders.fulfilment.Fulfil.order;
import static pe.telco.orders.fulfilment.Fulfil.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/**
 * Orders that take the same products' stock in different item orders never deadlock: every transaction takes stock
 * rows by product code, whatever the order of the items. Each scenario queues its two requests behind a row this
 * test holds, in the order that would close a lock cycle if one of them took its rows in item order, then lets go.
 */
@QuarkusTest
class StockLockOrderTest {

    private static final String STORE = "F-LOCK-STORE";

    @Inject
    DataSource db;

    private String first;
    private String second;

    @BeforeEach
    void twoPhonesAtAStore() {
        Fulfil.open();
        Fulfil.put("/api/locations/" + STORE, "{\"name\":\"Tienda F Bloqueo\",\"kind\":\"STORE\",\"district\":"
                + "\"Surco\"}");
        long n = System.nanoTime() % 1_000_000;
        first = "F-LOCK-A-" + n; // first in code order: every reservation starts with it
        second = "F-LOCK-B-" + n;
        for (String product : new String[] {first, second}) {
            Fulfil.put("/api/products/" + product, "{\"name\":\"Teléfono F\",\"kind\":\"DEVICE\",\"category\":"
                    + "\"SMARTPHONE\",\"price\":499.00,\"currency\":\"PEN\",\"financeable\":false,"
                    + "\"maxInstallments\":0,\"contractMonths\":0}");
            Fulfil.put("/api/stock/" + STORE + "/" + product, "{\"quantity\":10}");
        }
    }

    @Test
    void twoReleasesTakingTheSameProductsInOppositeItemOrderBothRelease() throws Exception {
        long ab = Shop.createOrder(order(goodPayer(), atStore(), first, 1, 0, second, 1, 0));
        long ba = Shop.createOrder(order(goodPayer(), atStore(), second, 1, 0, first, 1, 0));

        // item order would have [A, B] wait on A, [B, A] take B and wait on A; A freed, [A, B] then waits on B
        Response[] answers = queuedBehindTheFirstProduct(() -> Fulfil.evaluate(ab), () -> Fulfil.evaluate(ba));

        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("decision")).isEqualTo("RELEASED");
        }
        assertThat(stock(STORE, first)).containsExactly(10, 2, 8);
        assertThat(stock(STORE, second)).containsExactly(10, 2, 8);
    }

    @Test
    void aCancellationAndAReleaseOfTheSameProductsInOppositeOrderBothComplete() throws Exception {
        long ba = Fulfil.decided(order(goodPayer(), atStore(), second, 1, 0, first, 1, 0), "RELEASED");
        long ab = Shop.createOrder(order(goodPayer(), atStore(), first, 1, 0, second, 1, 0));

        // the release waits on A; giving back in shipment order would take B and wait on A behind it
        Response[] answers = queuedBehindTheFirstProduct(() -> Fulfil.evaluate(ab),
                () -> given().contentType(ContentType.JSON).body(Map.of("reason", "El cliente desiste"))
                        .post("/api/orders/" + ba + "/cancellation"));

        assertThat(answers[0].statusCode()).as(answers[0].asString()).isEqualTo(200);
        assertThat(answers[0].jsonPath().getString("decision")).isEqualTo("RELEASED");
        assertThat(answers[1].statusCode()).as(answers[1].asString()).isEqualTo(200);
        assertThat(answers[1].jsonPath().getString("state")).isEqualTo("cancelled");
        assertThat(stock(STORE, first)).containsExactly(10, 1, 9);
        assertThat(stock(STORE, second)).containsExactly(10, 1, 9);
    }

    private static Map<String, Object> atStore() {
        return Map.of("method", "STORE_PICKUP", "storeCode", STORE);
    }

    /**
     * Holds the store's row of the first product, sends {@code one} and waits until it queues for that row's lock,
     * then sends {@code other} and waits until it queues too, then lets the row go: {@code one} goes on first.
     */
    private Response[] queuedBehindTheFirstProduct(Supplier<Response> one, Supplier<Response> other)
            throws Exception {
        CompletableFuture<Response> firstAnswer;
        CompletableFuture<Response> secondAnswer;
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement(
                    "select on_hand from stock where location_code = ? and product_code = ? for update")) {
                hold.setString(1, STORE);
                hold.setString(2, first);
                try (ResultSet row = hold.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            try {
                firstAnswer = CompletableFuture.supplyAsync(one);
                awaitWaitingOnStock(1);
                secondAnswer = CompletableFuture.supplyAsync(other);
                awaitWaitingOnStock(2);
            } finally {
                holder.rollback();
            }
        }
        return new Response[] {firstAnswer.get(60, TimeUnit.SECONDS), secondAnswer.get(60, TimeUnit.SECONDS)};
    }

    private void awaitWaitingOnStock(int requests) {
        Eventually.within(Duration.ofSeconds(30), requests + " requests waiting for a stock row", () -> {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*)"
                    + " from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
                    + " and query like 'update stock%'"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == requests;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
