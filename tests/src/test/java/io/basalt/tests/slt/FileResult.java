package io.basalt.tests.slt;

import java.time.Duration;
import java.util.List;

/**
 * What running one script produced.
 *
 * @param file the script's path relative to the corpus root
 * @param records statement and query records before any {@code halt}
 * @param passed records that ran and matched
 * @param failed records that ran and did not match (or could not run because the connection was lost)
 * @param skipped records guarded out by {@code skipif}/{@code onlyif} for this engine
 * @param failures the first few failures, in file order
 * @param elapsed wall time for the file
 */
public record FileResult(String file, int records, int passed, int failed, int skipped,
                         List<RecordFailure> failures, Duration elapsed) {

    public FileResult {
        failures = List.copyOf(failures);
    }

    /** Records that ran: passed plus failed. */
    public int run() {
        return passed + failed;
    }

    /** Passed records as a percentage of those that ran; 100 when none ran. */
    public double passPercent() {
        return run() == 0 ? 100.0 : passed * 100.0 / run();
    }
}
