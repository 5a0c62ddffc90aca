package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bench hook loads and fetches what it says, so the lead's bench measures real work. */
@ExtendWith(BasaltServerExtension.class)
class FlightFetchBenchTest {

    @Test
    void loadsAndFetchesTheRequestedRows(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            FlightFetchBench.load(f.sql, f.token, (org.apache.arrow.memory.RootAllocator) f.allocator,
                    "benchtest.rows", 50_000);
            FlightFetchBench.Result r = FlightFetchBench.fetch(f.sql, f.token, "benchtest.rows", 50_000);

            assertThat(r.rows()).isEqualTo(50_000);
            assertThat(r.bytes()).isGreaterThan(50_000L * (8 + 4 + 8));
            java.util.List<Object> row = f.query("SELECT COUNT(*), SUM(id), MAX(LENGTH(s)) FROM benchtest.rows").get(0);
            assertThat(((Number) row.get(0)).longValue()).isEqualTo(50_000L);
            assertThat(((Number) row.get(1)).longValue()).isEqualTo(GeneratedBatches.idSum(50_000));
            assertThat(((Number) row.get(2)).longValue()).isEqualTo(9L);
        }
    }
}
