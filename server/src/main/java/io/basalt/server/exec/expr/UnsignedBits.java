package io.basalt.server.exec.expr;

import io.basalt.error.ErrorCode;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Warnings;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The 64-bit unsigned integers MySQL's bit operators work on, held in a {@code long}'s bits, and
 * their results as BIGINT UNSIGNED values (Basalt's DECIMAL(20, 0)).
 */
final class UnsignedBits {
    private static final BigDecimal TWO_POW_63 = new BigDecimal("9223372036854775808");
    private static final BigDecimal MAX_UNSIGNED = new BigDecimal("18446744073709551615");

    private UnsignedBits() {}

    /**
     * The operand's bits: negative numbers in two's complement, unsigned values up to 2^64-1 as
     * they are (their top bit set), larger ones clamped to 2^64-1 with a warning.
     */
    static long of(Object v, Warnings w) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b.setScale(0, RoundingMode.HALF_UP);
        } else if (v instanceof Double x && x >= 9.223372036854775807E18) {
            d = new BigDecimal(Math.rint(x));
        } else if (v instanceof String || v instanceof byte[]) {
            long l = MysqlValues.toLong(v, w);
            if (l != Long.MAX_VALUE) {
                return l;
            }
            // The text's integer part may still fit the unsigned range; toLong has already warned of any junk.
            d = MysqlValues.toDecimal(v, Warnings.IGNORE).setScale(0, RoundingMode.DOWN);
            if (d.compareTo(TWO_POW_63) < 0) {
                return l;
            }
        } else {
            d = null;
        }
        if (d == null || d.compareTo(TWO_POW_63) < 0) {
            return MysqlValues.toLong(v, w);
        }
        if (d.compareTo(MAX_UNSIGNED) > 0) {
            w.warn(ErrorCode.OUT_OF_RANGE.mysqlErrno(), "Truncated incorrect INTEGER value: '" + d.toPlainString() + "'");
            return -1L;
        }
        return d.toBigInteger().longValue();
    }

    /** The BIGINT UNSIGNED value of {@code bits}. */
    static BigDecimal value(long bits) {
        return bits >= 0 ? BigDecimal.valueOf(bits) : new BigDecimal(Long.toUnsignedString(bits));
    }
}
