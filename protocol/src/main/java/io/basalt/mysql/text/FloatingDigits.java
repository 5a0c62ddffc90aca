package io.basalt.mysql.text;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * The significant decimal digits of a finite double and the position of its decimal point
 * (value = 0.d1d2d3... x 10^decimalPoint), as MySQL's dtoa produces them before layout.
 *
 * <p>The digits come from the Schubfach algorithm (shortest digits that round-trip, the algorithm
 * JDK 19 adopted for Double.toString). JDK 17's Double.toString is not always shortest, so the
 * implementation shipped in jackson-core, already on the classpath through Arrow, is used instead.
 */
final class FloatingDigits {
    final char[] digits = new char[20];
    int length;
    int decimalPoint;
    boolean negative;

    /** Loads the shortest round-trip digits of {@code value}; zero yields no digits. */
    void load(double value) {
        String text = NumberOutput.toString(value, true);
        length = 0;
        decimalPoint = 0;
        negative = text.charAt(0) == '-';
        int integerDigits = 0;
        int leadingZeros = 0;
        boolean fraction = false;
        int exponent = 0;
        for (int i = negative ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else if (c == 'E') {
                exponent = Integer.parseInt(text, i + 1, text.length(), 10);
                break;
            } else {
                if (!fraction) {
                    integerDigits++;
                }
                if (length == 0 && c == '0') {
                    leadingZeros++;
                } else {
                    digits[length++] = c;
                }
            }
        }
        while (length > 0 && digits[length - 1] == '0') {
            length--;
        }
        decimalPoint = integerDigits - leadingZeros + exponent;
    }

    /**
     * Rounds to at most {@code significant} digits, half to even on the exact binary value of
     * {@code exact}, and drops trailing zeros.
     */
    void round(int significant, double exact) {
        if (length <= significant) {
            return;
        }
        boolean up;
        char first = digits[significant];
        if (first != '5') {
            up = first > '5';
        } else if (length > significant + 1) {
            up = true; // shortest digits never end in 0, so anything after the 5 is non-zero
        } else {
            up = breakTie(significant, exact);
        }
        length = significant;
        if (up) {
            int i = significant - 1;
            while (i >= 0 && digits[i] == '9') {
                i--;
            }
            if (i < 0) {
                digits[0] = '1';
                length = 1;
                decimalPoint++;
                return;
            }
            digits[i]++;
            length = i + 1;
        }
        while (length > 0 && digits[length - 1] == '0') {
            length--;
        }
    }

    // The shortest digits stop exactly on a 5: compare the true binary value with that midpoint.
    private boolean breakTie(int significant, double exact) {
        BigDecimal midpoint = new BigDecimal(new java.math.BigInteger(new String(digits, 0, length)), length - decimalPoint);
        int cmp = new BigDecimal(Math.abs(exact)).compareTo(midpoint);
        if (cmp != 0) {
            return cmp > 0;
        }
        return (digits[significant - 1] - '0') % 2 == 1;
    }
}
