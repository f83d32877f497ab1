package pe.telco.orders.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A channel that creates and evaluates orders, one after the other, until it is told to stop. */
public final class ChannelLoad {

    private ChannelLoad() {
    }

    /**
     * Creates and evaluates a good payer's fibre order at a time while {@code running}: each evaluation's answer goes to
     * {@code evaluated}, anything but a 200 (or an exception) to {@code problems}, and every attempt counts in
     * {@code answered}. Callers stop it in a {@code finally}, so a failed step cannot leave it loading later tests.
     */
    public static void evaluateUntilStopped(AtomicBoolean running, Consumer<JsonPath> evaluated,
            List<? super String> problems, AtomicInteger answered) {
        while (running.get()) {
            try {
                long id = Shop.createOrder(Shop.fibreOrder(Shop.GOOD_PAYER, "15046"));
                Response r = given().post("/api/orders/" + id + "/evaluation");
                if (r.statusCode() != 200) {
                    problems.add(r.asString());
                } else {
                    evaluated.accept(r.jsonPath());
                }
            } catch (Throwable e) {
                problems.add(e.toString());
            }
            answered.incrementAndGet();
        }
    }
}
