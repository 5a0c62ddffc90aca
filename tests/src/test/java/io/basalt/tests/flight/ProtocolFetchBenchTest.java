package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three-protocol fetch bench reads every row through each client, so its figures measure real work. */
@ExtendWith(BasaltServerExtension.class)
class ProtocolFetchBenchTest {

    @Test
    void everyClientReadsEveryRow(BasaltProcess basalt) throws Exception {
        List<ProtocolFetchBench.Run> runs = ProtocolFetchBench.run(20_000, basalt.flightPort(), basalt.mysqlPort(), true);
        assertThat(runs).extracting(ProtocolFetchBench.Run::client).containsExactly("flight-sql", "mysql", "basalt-jdbc");
        assertThat(runs).allSatisfy(r -> assertThat(r.rows()).isEqualTo(20_000));
        // the two JDBC clients saw the same values
        assertThat(runs.get(1).extra()).isEqualTo(runs.get(2).extra());
        // 20 fixed bytes a row, "row-" + i: 10 one-digit ids, 90 two-digit, ... 10,000 five-digit
        assertThat(ProtocolFetchBench.dataBytes(20_000))
                .isEqualTo(20_000L * 20 + 10 * 5 + 90 * 6 + 900 * 7 + 9_000 * 8 + 10_000 * 9);
    }
}
