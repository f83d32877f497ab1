package pe.telco.orders.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IGV is inside the consumer price: base rounded half-even to cents, IGV the rest, never added on top. */
class IgvTest {

    private static final BigDecimal RATE = new BigDecimal("0.18");

    @ParameterizedTest(name = "{0} → base {1} + IGV {2}")
    @CsvSource({
            "1199.00, 1016.10, 182.90",
            "119.00, 100.85, 18.15",
            "99.00, 83.90, 15.10",
            "118.00, 100.00, 18.00",
            "59.90, 50.76, 9.14",
            "99.92, 84.68, 15.24",
            "0.01, 0.01, 0.00",
            "0.00, 0.00, 0.00",
            // at 18% no two-decimal price divides to an exact half cent; 1.77 and 10.03 divide exactly
            "1.77, 1.50, 0.27",
            "10.03, 8.50, 1.53"
    })
    void baseAndIgvAddUpToThePrice(String total, String base, String igv) {
        Igv amounts = Igv.inside(new BigDecimal(total), RATE);
        assertThat(amounts.base()).isEqualByComparingTo(base);
        assertThat(amounts.igv()).isEqualByComparingTo(igv);
        assertThat(amounts.base().add(amounts.igv())).isEqualByComparingTo(total);
        assertThat(amounts.base().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"0.1325, 10.00, 8.83", "0.18, 0.05, 0.04", "0.18, 0.06, 0.05"})
    void roundsHalfEvenAtTheConfiguredRate(String rate, String total, String base) {
        assertThat(Igv.inside(new BigDecimal(total), new BigDecimal(rate)).base()).isEqualByComparingTo(base);
    }

    @org.junit.jupiter.api.Test
    void totalsAreTheSumOfTheLines() {
        Igv sum = Igv.zero().plus(Igv.inside(new BigDecimal("119.00"), RATE))
                .plus(Igv.inside(new BigDecimal("99.00"), RATE));
        assertThat(sum.total()).isEqualByComparingTo("218.00");
        assertThat(sum.base()).isEqualByComparingTo("184.75");
        assertThat(sum.igv()).isEqualByComparingTo("33.25");
    }
}
