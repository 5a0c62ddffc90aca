package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-of-test check of an {@link InsertWorkload}: on every node, each acknowledged row is present exactly
 * once with its value; nothing is present that was refused or never sent; and all nodes hold the same rows
 * (same ids, same checksum). Call it after the cluster has converged.
 */
final class AcknowledgedRows {

    private AcknowledgedRows() {
    }

    static void assertIntactOnEveryNode(List<BasaltProcess> nodes, String table, InsertWorkload workload)
            throws SQLException {
        assertThat(workload.unexpectedErrors()).as("errors outside the cluster contract; %s", workload).isEmpty();
        Set<Long> acked = workload.ids(WriteOutcome.ACKED);
        Set<Long> mayBePresent = workload.ids(WriteOutcome.ACKED, WriteOutcome.UNKNOWN, WriteOutcome.UNEXPECTED);
        Set<Long> firstIds = null;
        TableChecksum firstSum = null;
        for (BasaltProcess node : nodes) {
            Map<Long, Integer> copies = new HashMap<>();
            Set<Long> wrongValue = new TreeSet<>();
            try (Connection c = Sessions.open(node, null); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    copies.merge(id, 1, Integer::sum);
                    if (!("v-" + id).equals(rs.getString(2))) {
                        wrongValue.add(id);
                    }
                }
            }
            String where = node.raftAddress() + " (log " + node.logFile() + ")";
            Set<Long> ids = copies.keySet();
            assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("rows present more than once on %s", where).isEmpty();
            assertThat(wrongValue).as("rows with a wrong value on %s", where).isEmpty();
            Set<Long> lost = new TreeSet<>(acked);
            lost.removeAll(ids);
            assertThat(lost).as("acknowledged rows missing on %s; %s", where, workload).isEmpty();
            Set<Long> phantom = new TreeSet<>(ids);
            phantom.removeAll(mayBePresent);
            assertThat(phantom).as("rows on %s whose insert was refused or never sent; %s", where, workload)
                    .isEmpty();
            TableChecksum sum = TableChecksum.ofIdTable(node, table);
            assertThat(sum.rows()).as("COUNT(*) on %s", where).isEqualTo(ids.size());
            if (firstIds == null) {
                firstIds = new HashSet<>(ids);
                firstSum = sum;
            } else {
                assertThat(ids).as("same rows on %s as on %s", where, nodes.get(0).raftAddress()).isEqualTo(firstIds);
                assertThat(sum).as("checksum on %s", where).isEqualTo(firstSum);
            }
        }
    }
}
