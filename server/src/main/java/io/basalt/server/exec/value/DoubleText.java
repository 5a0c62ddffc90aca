package io.basalt.server.exec.value;

import java.math.BigDecimal;

/**
 * Formats doubles the way MySQL prints them: the shortest digits that read back as the same
 * double, no trailing ".0", and exponent notation for very large or small magnitudes
 * (1e20, 1.5e-7).
 */
public final class DoubleText {
    private DoubleText() {}

    public static String format(double d) {
        if (d == 0) {
            return (1 / d) < 0 ? "-0" : "0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        // Shortest round-trip digits, as Java's Double.toString computes them.
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - exact.scale() - 1; // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 15) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "") + Math.abs(exponent);
        }
        return sign + exact.abs().toPlainString();
    }
}
