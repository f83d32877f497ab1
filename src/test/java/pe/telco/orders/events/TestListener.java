package pe.telco.orders.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP listener for hub tests (the JDK's server on a free port): it records every call it accepts, answers 500
 * to the next {@link #failNext} calls, or to all while {@link #down} is set, and keeps calls waiting (up to 10 s)
 * while {@link #hang} is set, counting them in {@link #hanging}.
 */
final class TestListener implements AutoCloseable {

    /** One accepted call: the path, the body and the signature header as received. */
    record Call(String path, String body, String signature, String eventId) {
    }

    final AtomicInteger failNext = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicBoolean hang = new AtomicBoolean();
    final AtomicInteger hanging = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Call> accepted = new ArrayList<>();
    private final HttpServer server;

    TestListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hang.get()) {
                hanging.incrementAndGet();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
            }
            boolean fail = down.get() || failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
            if (fail) {
                refused.incrementAndGet();
            } else {
                synchronized (accepted) {
                    accepted.add(new Call(exchange.getRequestURI().getPath(), body,
                            exchange.getRequestHeaders().getFirst("X-Signature-SHA256"),
                            exchange.getRequestHeaders().getFirst("X-Event-Id")));
                }
            }
            exchange.sendResponseHeaders(fail ? 500 : 201, -1);
            exchange.close();
        });
        server.start();
    }

    String callback() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Call> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
