package pe.telco.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Race;
import pe.telco.orders.support.Shop;

/**
 * A customer the service has never seen can place several orders at once (two channels, a household ordering on the
 * web and in a store): every order is taken for the one customer the first of them creates, none gets a server error.
 */
@QuarkusTest
class NewCustomerRaceTest {

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void concurrentFirstOrdersOfANewCustomerAreAllTakenForOneCustomer() throws Exception {
        String dni = Shop.newDni();

        List<Integer> statuses = Race.times(8, () -> given().contentType(ContentType.JSON)
                .body(Shop.fibreOrder(dni, "15074")).post("/api/orders").statusCode());

        assertThat(statuses).containsOnly(201);
        given().get("/api/customers/DNI/" + dni).then().statusCode(200).body("documentNumber", equalTo(dni));
        given().get("/api/orders?customerDocument=" + dni).then().statusCode(200).body("total", equalTo(8));
    }
}
