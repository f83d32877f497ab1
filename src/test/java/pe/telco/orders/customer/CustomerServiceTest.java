package pe.telco.orders.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.common.NotFound;
import pe.telco.orders.common.OperatorTime;

@QuarkusTest
class CustomerServiceTest {

    @Inject
    CustomerService customers;

    @Inject
    OperatorTime time;

    @BeforeEach
    void catalogue() {
        CustomerFixture.product("T-CUST-FIBER", "FIBER_INTERNET");
    }

    @Test
    void anUnknownCustomerIsCreatedWithoutScoreOrDebtAndCustomerSinceToday() {
        Customer created = customers.findOrCreate(DocumentType.DNI, "70000001", "Luis Quispe", "luis@example.com",
                "+51 988 777 666", Segment.RESIDENTIAL);
        assertThat(created.getId()).isNotNull();
        assertThat(created.getCreditScore()).isNull();
        assertThat(created.getOverdueDebt()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(created.getCustomerSince()).isEqualTo(time.now().toLocalDate());
    }

    @Test
    void anExistingCustomerIsFoundByDocumentAndKeptAsItIs() {
        CustomerResourceTest.put("DNI", "70000002", CustomerFixture.goodPayer()).then().statusCode(200);
        Customer found = customers.findOrCreate(DocumentType.DNI, "70000002", "Another Name", null, null,
                Segment.BUSINESS);
        assertThat(found.getName()).isEqualTo("Ana Torres");
        assertThat(found.getCreditScore()).isEqualTo(780);
    }

    @Test
    void refusesANumberThatDoesNotFitTheType() {
        assertThatThrownBy(() -> customers.findOrCreate(DocumentType.RUC, "123", "X", null, null, Segment.BUSINESS))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("documentNumber");
    }

    @Test
    void readsTheCustomerWithCurrentProductsLoaded() {
        CustomerResourceTest.put("DNI", "70000003", CustomerFixture.goodPayer()).then().statusCode(200);
        Customer customer = customers.get(DocumentType.DNI, "70000003");
        // outside any transaction: the products must already be loaded by the join fetch
        assertThat(customer.getProducts()).extracting(CustomerProduct::getProductCode).containsExactly("T-CUST-FIBER");
        assertThat(customers.getWithCurrentProducts(customer.getId()).getProducts()).extracting(
                CustomerProduct::getProductCode).containsExactly("T-CUST-FIBER");
    }

    @Test
    void fulfilmentAddsACurrentProductSinceToday() {
        Customer customer = customers.findOrCreate(DocumentType.DNI, "70000004", "Rosa Huamán", null, null,
                Segment.RESIDENTIAL);
        ServiceAddress address = new ServiceAddress("Jr. de la Unión 500", "Lima", "15001");
        customers.addCurrentProduct(customer.getId(), "T-CUST-FIBER", address);
        Customer reread = customers.getWithCurrentProducts(customer.getId());
        assertThat(reread.getProducts()).singleElement().satisfies(p -> {
            assertThat(p.getAddress()).isEqualTo(address);
            assertThat(p.getSince()).isEqualTo(time.now().toLocalDate());
        });
        assertThatThrownBy(() -> customers.addCurrentProduct(customer.getId(), "T-NOT-SOLD", address))
                .isInstanceOf(NotFound.class);
    }
}
