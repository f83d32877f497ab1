package pe.telco.orders.terms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.telco.orders.common.OperatorTime;

@QuarkusTest
class TermsResourceTest {

    @Inject
    TermsService terms;

    @Inject
    OperatorTime time;

    @Test
    void publishesAVersionAndReadsItBack() {
        put("2009-01", "2009-01-01", "https://www.telco.pe/terminos/2009-01").then().statusCode(200)
                .body("version", equalTo("2009-01"))
                .body("effectiveFrom", equalTo("2009-01-01"));
        put("2009-01", "2009-02-01", "https://www.telco.pe/terminos/2009-01-v2").then().statusCode(200);
        given().get("/api/terms/2009-01").then().statusCode(200)
                .body("effectiveFrom", equalTo("2009-02-01"))
                .body("url", equalTo("https://www.telco.pe/terminos/2009-01-v2"));
        given().get("/api/terms").then().statusCode(200).body("items.version", hasItems("2009-01"));
    }

    @Test
    void currentIsTheLatestVersionInEffectTodayInLima() {
        LocalDate today = time.now().toLocalDate();
        put("T-OLD", "2005-01-01", "https://www.telco.pe/terminos/old").then().statusCode(200);
        put("T-NOW", today.toString(), "https://www.telco.pe/terminos/now").then().statusCode(200);
        put("T-NEXT", today.plusDays(30).toString(), "https://www.telco.pe/terminos/next").then().statusCode(200);
        try {
            given().get("/api/terms/current").then().statusCode(200)
                    .body("version", equalTo("T-NOW"));
            assertThat(terms.currentVersion(today.plusDays(30))).contains("T-NEXT");
            assertThat(terms.currentVersion(LocalDate.of(2005, 6, 1))).contains("T-OLD");
            assertThat(terms.currentVersion(LocalDate.of(1990, 1, 1))).isEmpty();
        } finally {
            // versions cannot be deleted: date these two back, so the shop's 2026-01 terms are current again for
            // every test class that runs after this one
            put("T-NOW", "2005-02-01", "https://www.telco.pe/terminos/now").then().statusCode(200);
            put("T-NEXT", "2005-03-01", "https://www.telco.pe/terminos/next").then().statusCode(200);
        }
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://x")).put("/api/terms/2010-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("effectiveFrom", "url"));
        put("2010-01", "2010-13-45", "https://x").then().statusCode(400)
                .body("errors.field", contains("effectiveFrom"));
        given().get("/api/terms/2010-01").then().statusCode(404);
    }

    @Test
    void rejectsABadVersionAndTheReservedWordCurrent() {
        put("version with spaces", "2010-01-01", "https://x").then().statusCode(400)
                .body("errors.field", contains("version"));
        put("123456789012345678901", "2010-01-01", "https://x").then().statusCode(400);
        put("current", "2010-01-01", "https://x").then().statusCode(400).body("errors.field", contains("version"));
    }

    @Test
    void answers404ForAnUnknownVersion() {
        given().get("/api/terms/1999-99").then().statusCode(404)
                .body("type", equalTo("https://problems.telco.pe/not-found"));
    }

    static io.restassured.response.Response put(String version, String effectiveFrom, String url) {
        return given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", effectiveFrom, "url", url))
                .put("/api/terms/{version}", version);
    }
}
