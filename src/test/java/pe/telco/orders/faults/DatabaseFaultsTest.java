package pe.telco.orders.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pe.telco.orders.database.DatabaseCredentials;
import pe.telco.orders.support.Eventually;
import pe.telco.orders.support.Shop;

/** When the database fails, nothing is half-written, callers get 503, and the service recovers by itself. */
@QuarkusTest
class DatabaseFaultsTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "orders.embedded-database.data-directory")
    String dataDirectory;

    @BeforeEach
    void shopIsOpen() {
        Shop.open();
    }

    @Test
    void aFailureInTheMiddleOfAnEvaluationLeavesNothingAndTheOrderCanBeEvaluatedAgain() throws Exception {
        long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
        superuser("orders", """
                create or replace function test_fail_firing() returns trigger language plpgsql as $$
                begin
                  if (select order_id from evaluation where id = new.evaluation_id) = %d then
                    raise exception 'simulated disk failure' using errcode = 'io_error';
                  end if;
                  return new;
                end $$;
                create trigger test_fail_firing before insert on rule_firing
                  for each row execute function test_fail_firing();
                """.formatted(id));
        try {
            given().post("/api/orders/" + id + "/evaluation").then().statusCode(500)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("simulated")));
            given().get("/api/orders/" + id).then().body("state", equalTo("acknowledged"));
            given().get("/api/orders/" + id + "/evaluation").then().statusCode(404);
        } finally {
            superuser("orders", "drop trigger test_fail_firing on rule_firing; drop function test_fail_firing();");
        }
        given().post("/api/orders/" + id + "/evaluation").then().statusCode(200).body("decision", equalTo("RELEASED"));
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
        superuser("postgres", "alter database orders allow_connections false;"
                + " select pg_terminate_backend(pid) from pg_stat_activity where datname = 'orders'"
                + " and pid <> pg_backend_pid();");
        try {
            given().get("/api/orders?size=1").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("type", org.hamcrest.Matchers.endsWith("/service-unavailable"));
        } finally {
            superuser("postgres", "alter database orders allow_connections true;");
        }
        Eventually.within(Duration.ofSeconds(30), "answering 200 again once the database is back",
                () -> given().get("/api/orders?size=1").then().extract().statusCode(), status -> status == 200);
    }

    private void superuser(String database, String sql) throws SQLException, IOException {
        String target = url.replaceFirst("/orders(\\?.*)?$", "/" + database);
        String password = DatabaseCredentials.read(Path.of(dataDirectory)).superuser();
        try (Connection connection = DriverManager.getConnection(target, "postgres", password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
