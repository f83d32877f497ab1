package pe.telco.orders.tmf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pe.telco.orders.tmf.ProductOrderDecisionsTest.PRODUCT_ORDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import pe.telco.orders.support.Shop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A channel reads its own orders by id and by list, with TMF's paging, filters and fields; never another's. */
@QuarkusTest
class ProductOrderReadingTest {

    @BeforeEach
    void shopIsOpen() {
        TmfShop.open();
    }

    @Test
    void aChannelReadsItsOrderAsTheTmForumPublishedIt() {
        JsonNode placed = ProductOrderDecisionsTest.place("app", TmfShop.example(TmfShop.HELD), 201);

        Response read = as("app").get(PRODUCT_ORDER + "/" + placed.path("id").asText());

        read.then().statusCode(200);
        JsonNode order = Tmf622Contract.assertValidResponse("retrieveProductOrder", read);
        assertThat(order.path("state").asText()).isEqualTo("pending");
        assertThat(order.path("productOrderErrorMessage").toString()).isEqualTo(
                placed.path("productOrderErrorMessage").toString());
    }

    @Test
    void theAnswerToAReleasedOrderIsWhatReadingItBackSays() {
        JsonNode placed = ProductOrderDecisionsTest.place("web", TmfShop.example(TmfShop.RELEASED), 201);

        JsonNode read = Tmf622Contract.assertValidResponse("retrieveProductOrder",
                as("web").get(PRODUCT_ORDER + "/" + placed.path("id").asText()));

        // the answer is made from what the request holds (its history, its work orders' appointments), not read back
        assertThat(placed.path("state").asText()).isEqualTo("inProgress");
        assertThat(placed.path("expectedCompletionDate").asText()).isNotEmpty();
        assertThat(placed.path("productOrderMilestone").size()).isGreaterThan(1);
        assertThat(placed).isEqualTo(read);
    }

    @Test
    void aBackOfficeOrderIsReadWithItsLineNumbersAsItemIds() {
        Shop.open();
        Map<String, Object> body = new HashMap<>(Shop.fibreOrder(Shop.newDni(), "15074"));
        body.put("items", List.of(Map.of("productCode", "T-FIBER-300", "quantity", 1),
                Map.of("productCode", "T-PHONE-A15", "quantity", 1)));
        body.put("delivery", Map.of("method", "HOME_DELIVERY"));
        long id = Shop.createOrder(body);

        Response read = as("web").get(PRODUCT_ORDER + "/" + id);

        read.then().statusCode(200);
        JsonNode order = Tmf622Contract.assertValidResponse("retrieveProductOrder", read);
        assertThat(order.at("/productOrderItem/0/id").asText()).isEqualTo("1");
        assertThat(order.at("/productOrderItem/1/id").asText()).isEqualTo("2");
        assertThat(order.has("note")).isFalse();
        assertThat(order.has("requestedStartDate")).isFalse();
    }

    @Test
    void anotherChannelsOrderIsNotFound() {
        JsonNode placed = ProductOrderDecisionsTest.place("app", TmfShop.example(TmfShop.HELD), 201);

        Response read = as("web").get(PRODUCT_ORDER + "/" + placed.path("id").asText());

        read.then().statusCode(404).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("retrieveProductOrder", read);
        assertThat(error.path("code").asText()).isEqualTo("not-found");
        assertThat(as("web").get(PRODUCT_ORDER + "/no-such-order").statusCode()).isEqualTo(404);
    }

    @Test
    void aListIsPagedFilteredAndShapedWithItsCounts() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(ProductOrderDecisionsTest.place("store", store(TmfShop.example(TmfShop.REJECTED)), 201)
                    .path("id").asText());
        }

        Response page = as("store").queryParam("state", "rejected").queryParam("offset", 1).queryParam("limit", 1)
                .queryParam("fields", "state,orderDate").get(PRODUCT_ORDER);

        page.then().statusCode(200);
        JsonNode orders = Tmf622Contract.assertValidResponse("listProductOrder", page);
        int total = Integer.parseInt(page.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(page.header("X-Result-Count")).isEqualTo("1");
        assertThat(orders).singleElement().satisfies(order -> {
            List<String> fields = new ArrayList<>();
            order.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("id", "href", "@type", "state", "orderDate");
            // newest first: the second newest of this channel's rejected orders
            assertThat(order.path("id").asText()).isEqualTo(mine.get(1));
        });
    }

    @Test
    void aListFiltersByExternalIdAndOrderDateAndShowsOnlyTheCallersOrders() {
        ObjectNode body = store(TmfShop.example(TmfShop.REJECTED));
        JsonNode placed = ProductOrderDecisionsTest.place("store", body, 201);
        String externalId = body.at("/externalId/0/id").asText();
        String orderDate = placed.path("orderDate").asText();

        Response found = as("store").queryParam("externalId", externalId).queryParam("orderDate.gte", orderDate)
                .get(PRODUCT_ORDER);
        Response later = as("store").queryParam("externalId", externalId).queryParam("orderDate.gt", orderDate)
                .get(PRODUCT_ORDER);
        Response otherChannel = as("web").queryParam("externalId", externalId).get(PRODUCT_ORDER);

        assertThat(Tmf622Contract.assertValidResponse("listProductOrder", found)).singleElement()
                .satisfies(o -> assertThat(o.path("id").asText()).isEqualTo(placed.path("id").asText()));
        assertThat(later.header("X-Total-Count")).isEqualTo("0");
        assertThat(otherChannel.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void badPagingFieldsAndFiltersAreAllListedInOneError() {
        Response refused = as("store").queryParam("offset", -1).queryParam("limit", 1000).queryParam("fields", "colour")
                .queryParam("state", "lost").queryParam("orderDate.gt", "yesterday").queryParam("priority", "1")
                .get(PRODUCT_ORDER);

        refused.then().statusCode(400).contentType(ContentType.JSON);
        JsonNode error = Tmf622Contract.assertValidResponse("listProductOrder", refused);
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("offset", "limit", "fields", "state", "orderDate.gt", "priority");
        assertThat(error.path("message").asText()).contains("offset", "limit", "fields", "priority");
    }

    @Test
    void theOpenApiDocumentListsTheTmf622Resources() {
        String document = given().accept("application/json").get("/q/openapi").asString();

        assertThat(document).contains("/tmf-api/productOrderingManagement/v5/productOrder",
                "/tmf-api/productOrderingManagement/v5/productOrder/{id}", "createProductOrder", "listProductOrder",
                "retrieveProductOrder");
    }

    /** The store channel's copy of an example order. */
    private static ObjectNode store(ObjectNode order) {
        ((ObjectNode) order.at("/channel/0/channel")).put("id", "STORE");
        return order;
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-secret");
    }
}
