package pe.telco.orders.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Compiled rule versions kept in memory: bounded, the least recently used dropped first, each made once while kept. */
class RecentlyUsedTest {

    private final AtomicInteger made = new AtomicInteger();
    private final RecentlyUsed<Integer, String> versions = new RecentlyUsed<>(2);

    private String compile(int version) {
        made.incrementAndGet();
        return "compiled " + version;
    }

    @Test
    void keepsAtMostTheLimitDroppingTheLeastRecentlyUsed() {
        versions.get(1, this::compile);
        versions.get(2, this::compile);
        versions.get(1, this::compile); // 1 is now more recent than 2
        versions.get(3, this::compile);

        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.find(1)).isEqualTo("compiled 1");
        assertThat(versions.find(2)).as("least recently used, dropped").isNull();
        assertThat(versions.find(3)).isEqualTo("compiled 3");
        assertThat(made).hasValue(3);
    }

    @Test
    void aValueKeptIsNotMadeAgainAndTheFirstKeptWins() {
        assertThat(versions.get(7, this::compile)).isEqualTo("compiled 7");
        assertThat(versions.get(7, this::compile)).isEqualTo("compiled 7");
        assertThat(versions.keep(7, "a second compilation of 7")).isEqualTo("compiled 7");
        assertThat(made).hasValue(1);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new RecentlyUsed<Integer, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
