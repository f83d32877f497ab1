package pe.telco.orders.ruleset.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shadow's cap on extra work: a burst of one second's worth, then nothing until tokens come back. */
class RateCapTest {

    @Test
    void aBurstOfOneSecondsWorthThenSkips() {
        ShadowTraffic.RateCap cap = new ShadowTraffic.RateCap(3);
        assertThat(cap.tryTake()).isTrue();
        assertThat(cap.tryTake()).isTrue();
        assertThat(cap.tryTake()).isTrue();
        // at a thousandth of a take a second, the second take finds the bucket empty
        ShadowTraffic.RateCap slow = new ShadowTraffic.RateCap(0.001);
        assertThat(slow.tryTake()).isTrue();
        assertThat(slow.tryTake()).isFalse();
    }

    @Test
    void aZeroRateShadowsNothing() {
        ShadowTraffic.RateCap none = new ShadowTraffic.RateCap(0);
        assertThat(none.tryTake()).isFalse();
    }
}
