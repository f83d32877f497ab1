package pe.telco.orders.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * IGV inside a consumer price (Peruvian prices include it): base = total / (1 + rate) rounded half-even to cents,
 * IGV = total − base, so base + IGV is always exactly the price the customer saw.
 */
public record Igv(BigDecimal total, BigDecimal base, BigDecimal igv) {

    public static Igv inside(BigDecimal total, BigDecimal rate) {
        BigDecimal cents = total.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal base = cents.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_EVEN);
        return new Igv(cents, base, cents.subtract(base));
    }

    public Igv plus(Igv other) {
        return new Igv(total.add(other.total), base.add(other.base), igv.add(other.igv));
    }

    public static Igv zero() {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Igv(zero, zero, zero);
    }
}
