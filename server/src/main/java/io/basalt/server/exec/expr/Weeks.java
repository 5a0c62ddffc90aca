package io.basalt.server.exec.expr;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** MySQL's WEEK(date, mode) numbering, all eight modes. */
final class Weeks {
    private Weeks() {}

    /**
     * Returns {year, week} for {@code date} under {@code mode}; {@code yearWeek} selects the
     * YEARWEEK() behaviour where week 0 belongs to the previous year.
     */
    static int[] week(LocalDate date, int mode, boolean yearWeek) {
        mode &= 7;
        boolean mondayFirst = (mode & 1) != 0;
        boolean range1to53 = (mode & 2) != 0;
        boolean firstWeekHas4Days = mode == 1 || mode == 3 || mode == 4 || mode == 6;
        if (yearWeek) {
            range1to53 = true;
        }
        int year = date.getYear();
        int week = weekOfYear(date, mondayFirst, firstWeekHas4Days);
        if (week == 0) {
            if (!range1to53) {
                return new int[] {year, 0};
            }
            year--;
            week = weekOfYear(LocalDate.of(year, 12, 31), mondayFirst, firstWeekHas4Days);
        } else if (range1to53 && week == 53 && firstWeekHas4Days) {
            LocalDate nextFirst = LocalDate.of(year + 1, 1, 1);
            int daysBefore = daysIntoWeek(nextFirst, mondayFirst);
            // If Jan 1st of next year starts week 1 under the 4-day rule, the last days belong to it.
            if (daysBefore < 4 && date.isAfter(nextFirst.minusDays(daysBefore + 1))) {
                return new int[] {year + 1, 1};
            }
        }
        return new int[] {year, week};
    }

    private static int daysIntoWeek(LocalDate d, boolean mondayFirst) {
        DayOfWeek dow = d.getDayOfWeek();
        return mondayFirst ? dow.getValue() - 1 : dow.getValue() % 7;
    }

    private static int weekOfYear(LocalDate date, boolean mondayFirst, boolean firstWeekHas4Days) {
        LocalDate jan1 = LocalDate.of(date.getYear(), 1, 1);
        int offset = daysIntoWeek(jan1, mondayFirst);
        int dayOfYear = date.getDayOfYear() - 1;
        int firstWeekStart;
        if (firstWeekHas4Days) {
            firstWeekStart = offset <= 3 ? -offset : 7 - offset;
        } else {
            firstWeekStart = offset == 0 ? 0 : 7 - offset;
        }
        if (dayOfYear < firstWeekStart) {
            return 0;
        }
        return (dayOfYear - firstWeekStart) / 7 + 1;
    }
}
