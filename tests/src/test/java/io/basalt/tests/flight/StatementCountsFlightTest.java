package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ROW_COUNT() and FOUND_ROWS() over Flight SQL: one token is one session, as one MySQL connection is. */
@ExtendWith(BasaltServerExtension.class)
class StatementCountsFlightTest {

    @Test
    void flightSessionSeesThePreviousStatementsCounts(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            f.sql.executeUpdate("CREATE DATABASE IF NOT EXISTS counts_f", f.token);
            f.sql.executeUpdate("CREATE TABLE counts_f.t (id INT PRIMARY KEY)", f.token);
            assertThat(f.sql.executeUpdate("INSERT INTO counts_f.t VALUES (1), (2), (3), (4)", f.token)).isEqualTo(4);
            assertThat(f.query("SELECT ROW_COUNT()")).containsExactly(List.of(4L));

            assertThat(f.query("SELECT id FROM counts_f.t WHERE id > 1")).hasSize(3);
            assertThat(f.query("SELECT FOUND_ROWS()")).containsExactly(List.of(3L));
            assertThat(f.query("SELECT ROW_COUNT()")).containsExactly(List.of(-1L));
        }
    }
}
