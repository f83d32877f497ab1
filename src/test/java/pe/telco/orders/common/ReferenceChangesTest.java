package pe.telco.orders.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.support.Eventually;

/**
 * The instance drops its cached reference data when a NOTIFY on {@code reference_changed} names it, as another
 * instance's PUT sends one: here the change is written behind the service's back and announced by hand, so only the
 * notification can make the cached coverage map show it (its time to live is 30 s, the wait 10 s).
 * {@code TwoInstancesTest} does the same between two real processes.
 */
@QuarkusTest
class ReferenceChangesTest {

    /** A postal code no other test uses. */
    private static final String POSTAL_CODE = "15998";

    @Inject
    DataSource db;

    @AfterEach
    void clear() {
        given().contentType("application/json").body("{\"technologies\":[]}").put("/api/coverage/" + POSTAL_CODE)
                .then().statusCode(200);
    }

    @Test
    void aNotificationNamingTheCoverageMapDropsTheCachedCopy() throws SQLException {
        given().get("/api/coverage/" + POSTAL_CODE).then().statusCode(200).body("technologies.size()", equalTo(0));
        execute("insert into coverage (postal_code, technology, max_download_mbps) values (?, 'FTTH', 600)",
                POSTAL_CODE);
        execute("select pg_notify(?, 'coverage')", ReferenceChanges.CHANNEL);

        Eventually.within(Duration.ofSeconds(10), "the coverage written elsewhere seen after the notification",
                () -> given().get("/api/coverage/" + POSTAL_CODE).path("technologies.size()"), n -> n.equals(1));
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.execute();
        }
    }
}
