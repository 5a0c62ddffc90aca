package io.basalt.server.sql.parser;

import java.util.Set;

/** The unit keywords MySQL accepts after INTERVAL and in TIMESTAMPADD/TIMESTAMPDIFF/EXTRACT. */
final class IntervalUnits {
    private static final Set<String> UNITS = Set.of("MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK",
            "MONTH", "QUARTER", "YEAR", "SECOND_MICROSECOND", "MINUTE_MICROSECOND", "MINUTE_SECOND",
            "HOUR_MICROSECOND", "HOUR_SECOND", "HOUR_MINUTE", "DAY_MICROSECOND", "DAY_SECOND", "DAY_MINUTE",
            "DAY_HOUR", "YEAR_MONTH");

    private IntervalUnits() {}

    static boolean isValid(String unit) {
        return UNITS.contains(unit);
    }
}
