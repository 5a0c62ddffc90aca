package io.basalt.tests.slt;

import java.util.List;
import java.util.Locale;

/** Renders run results as Markdown: a per-file table with totals, then each file's first failures. */
public final class SltReport {

    private static final int MAX_SHOWN_LINES = 20;

    private SltReport() {
    }

    /** The per-file table, with a totals row. */
    public static String table(List<FileResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| file | records | run | passed | failed | skipped | pass % | time |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        int records = 0;
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        long millis = 0;
        for (FileResult r : results) {
            sb.append(row(r.file(), r.records(), r.run(), r.passed(), r.failed(), r.skipped(), r.passPercent(),
                    r.elapsed().toMillis()));
            records += r.records();
            passed += r.passed();
            failed += r.failed();
            skipped += r.skipped();
            millis += r.elapsed().toMillis();
        }
        int run = passed + failed;
        sb.append(row("**total**", records, run, passed, failed, skipped, run == 0 ? 100.0 : passed * 100.0 / run, millis));
        return sb.toString();
    }

    private static String row(String file, int records, int run, int passed, int failed, int skipped, double pct,
                              long millis) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %.1f s |%n", file, records, run,
                passed, failed, skipped, percent(pct), millis / 1000.0);
    }

    /** A pass percentage as shown in the report: two decimals, but never rounded up to 100.00. */
    static String percent(double pct) {
        String s = String.format(Locale.ROOT, "%.2f", pct);
        return s.equals("100.00") && pct < 100.0 ? "99.99" : s;
    }

    /** The first failures of every file that has any. */
    public static String failures(List<FileResult> results) {
        StringBuilder sb = new StringBuilder();
        for (FileResult r : results) {
            if (r.failures().isEmpty()) {
                continue;
            }
            sb.append("\n### ").append(r.file()).append(" (").append(r.failed()).append(" failed, first ")
                    .append(r.failures().size()).append(")\n");
            for (RecordFailure f : r.failures()) {
                sb.append("\nline ").append(f.line()).append(":\n```sql\n").append(clip(f.sql())).append("\n```\n");
                sb.append("expected:\n```\n").append(clip(f.expected())).append("\n```\n");
                if (f.actual() != null) {
                    sb.append("actual:\n```\n").append(clip(f.actual())).append("\n```\n");
                }
                if (f.error() != null) {
                    sb.append("error: `").append(f.error().replace('\n', ' ')).append("`\n");
                }
            }
        }
        return sb.toString();
    }

    private static String clip(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= MAX_SHOWN_LINES) {
            return text;
        }
        return String.join("\n", List.of(lines).subList(0, MAX_SHOWN_LINES))
                + "\n... (" + (lines.length - MAX_SHOWN_LINES) + " more lines)";
    }
}
