package pe.telco.orders.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop that hangs in a shutdown hook (as after an unexpected System.exit) still ends the process in time. */
class ShutdownDeadlineTest {

    /** A process whose other shutdown hook never finishes, stopped by System.exit. */
    public static final class HangingStop {

        public static void main(String[] args) throws Exception {
            new ShutdownDeadline(Duration.ofMillis(Long.parseLong(args[0]))).arm();
            CountDownLatch never = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            System.exit(0);
        }
    }

    @Test
    void aHookThatNeverFinishesIsCutOffAtTheDeadline() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HangingStop.class.getName(), "1000")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long started = System.nanoTime();
        try {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the process ended").isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        } finally {
            process.destroyForcibly();
        }
    }
}
