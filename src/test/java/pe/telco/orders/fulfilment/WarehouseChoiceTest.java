package pe.telco.orders.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.fulfilment.Fulfil.WAREHOUSE;
import static pe.telco.orders.fulfilment.Fulfil.goodPayer;
import static pe.telco.orders.fulfilment.Fulfil.home;
import static pe.telco.orders.fulfilment.Fulfil.order;
import static pe.telco.orders.fulfilment.Fulfil.state;
import static pe.telco.orders.fulfilment.Fulfil.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/**
 * Which warehouse a home delivery ships from: the one with the most units available, reserved in one statement; when
 * another order takes that warehouse's units first, the next one that has them.
 */
@QuarkusTest
class WarehouseChoiceTest {

    private static final String SOUTH = "F-WH-SUR";

    @BeforeEach
    void open() {
        Fulfil.open();
        Fulfil.put("/api/locations/" + SOUTH, "{\"name\":\"Almacén F Sur\",\"kind\":\"WAREHOUSE\",\"district\":"
                + "\"Villa El Salvador\"}");
    }

    private static String newPhone(int atFirstWarehouse, int atSouth) {
        String product = "F-CHOICE-" + System.nanoTime() % 1_000_000;
        Fulfil.put("/api/products/" + product, "{\"name\":\"Teléfono F\",\"kind\":\"DEVICE\",\"category\":"
                + "\"SMARTPHONE\",\"price\":499.00,\"currency\":\"PEN\",\"financeable\":false,\"maxInstallments\":0,"
                + "\"contractMonths\":0}");
        Fulfil.put("/api/stock/" + WAREHOUSE + "/" + product, "{\"quantity\":" + atFirstWarehouse + "}");
        Fulfil.put("/api/stock/" + SOUTH + "/" + product, "{\"quantity\":" + atSouth + "}");
        return product;
    }

    @Test
    void theWarehouseWithTheMostUnitsAvailableShips() {
        String phone = newPhone(3, 7);

        long first = Fulfil.decided(order(goodPayer(), home(), phone, 2, 0), "RELEASED");
        assertThat(Fulfil.shipments(first).getString("[0].locationCode")).isEqualTo(SOUTH);
        assertThat(stock(SOUTH, phone)).containsExactly(7, 2, 5);

        long second = Fulfil.decided(order(goodPayer(), home(), phone, 3, 0), "RELEASED");
        assertThat(Fulfil.shipments(second).getString("[0].locationCode")).isEqualTo(SOUTH);
        assertThat(stock(SOUTH, phone)).containsExactly(7, 5, 2);

        long third = Fulfil.decided(order(goodPayer(), home(), phone, 3, 0), "RELEASED");
        assertThat(Fulfil.shipments(third).getString("[0].locationCode")).isEqualTo(WAREHOUSE);
        assertThat(stock(WAREHOUSE, phone)).containsExactly(3, 3, 0);
        assertThat(stock(SOUTH, phone)).containsExactly(7, 5, 2);
    }

    @Test
    void twoOrdersRacingForTheSameWarehouseBothShipFromOneEach() throws Exception {
        String phone = newPhone(1, 1); // a tie: both orders choose the same warehouse first
        long first = Shop.createOrder(order(goodPayer(), home(), phone, 1, 0));
        long second = Shop.createOrder(order(goodPayer(), home(), phone, 1, 0));

        List<Response> answers = Race.together(() -> Fulfil.evaluate(first), () -> Fulfil.evaluate(second));

        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("decision")).isEqualTo("RELEASED");
        }
        assertThat(List.of(state(first), state(second))).containsOnly("inProgress");
        assertThat(List.of(Fulfil.shipments(first).getString("[0].locationCode"),
                Fulfil.shipments(second).getString("[0].locationCode"))).containsExactlyInAnyOrder(WAREHOUSE, SOUTH);
        assertThat(stock(WAREHOUSE, phone)).containsExactly(1, 1, 0);
        assertThat(stock(SOUTH, phone)).containsExactly(1, 1, 0);
    }

    @Test
    void anOrdersUnitsOfOneProductShipFromOneWarehouseWhenOneHasThemAll() {
        String phone = newPhone(2, 2); // a tie, broken by the location code: item by item, they would be split

        long id = Fulfil.decided(order(goodPayer(), home(), phone, 1, 0, phone, 1, 0), "RELEASED");

        assertThat(Fulfil.shipments(id).getList("locationCode")).containsExactly(WAREHOUSE, WAREHOUSE);
        assertThat(stock(WAREHOUSE, phone)).containsExactly(2, 2, 0);
        assertThat(stock(SOUTH, phone)).containsExactly(2, 0, 2);
    }

    @Test
    void whenNoWarehouseHasThemAllEachItemShipsOnItsOwn() {
        String phone = newPhone(1, 1);

        long id = Fulfil.decided(order(goodPayer(), home(), phone, 1, 0, phone, 1, 0), "RELEASED");

        assertThat(Fulfil.shipments(id).getList("locationCode")).containsExactly(WAREHOUSE, SOUTH);
        assertThat(stock(WAREHOUSE, phone)).containsExactly(1, 1, 0);
        assertThat(stock(SOUTH, phone)).containsExactly(1, 1, 0);
    }

    @Test
    void ordersRacingForTheOnlyWarehouseThatHasThemAllShip() throws Exception {
        String phone = newPhone(4, 0); // whoever finds its row locked by another waits for it rather than give up
        List<Long> ids = List.of(Shop.createOrder(order(goodPayer(), home(), phone, 1, 0)),
                Shop.createOrder(order(goodPayer(), home(), phone, 1, 0)),
                Shop.createOrder(order(goodPayer(), home(), phone, 1, 0)),
                Shop.createOrder(order(goodPayer(), home(), phone, 1, 0)));

        List<Response> answers = Race.together(ids.stream()
                .map(id -> (java.util.concurrent.Callable<Response>) () -> Fulfil.evaluate(id)).toList());

        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("decision")).isEqualTo("RELEASED");
        }
        assertThat(stock(WAREHOUSE, phone)).containsExactly(4, 4, 0);
    }
}
