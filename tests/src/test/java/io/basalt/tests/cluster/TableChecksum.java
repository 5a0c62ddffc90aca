package io.basalt.tests.cluster;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table's content reduced to three numbers, cheap to compare between nodes: row count, the sum of a key
 * column, and the sum of CRC32 over each whole row rendered as text. Two replicas with equal checksums hold
 * the same rows unless an error cancels out in both sums at once.
 *
 * @param rows COUNT(*)
 * @param keySum SUM(key)
 * @param rowCrcSum SUM(CRC32(row as text))
 */
record TableChecksum(long rows, long keySum, long rowCrcSum) {

    /**
     * @param table {@code db.t}
     * @param key a numeric column
     * @param rowText an expression rendering a whole row, e.g. {@code CONCAT(id, ':', v)}
     */
    static TableChecksum of(BasaltProcess node, String table, String key, String rowText) throws SQLException {
        try (Connection c = Sessions.open(node, null)) {
            return of(c, table, key, rowText);
        }
    }

    static TableChecksum of(Connection c, String table, String key, String rowText) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(" + key + "), SUM(CRC32(" + rowText + ")) FROM "
                     + table)) {
            rs.next();
            return new TableChecksum(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** The checksum of a {@code (id BIGINT, v VARCHAR)} table as the insert workloads fill it. */
    static TableChecksum ofIdTable(BasaltProcess node, String table) throws SQLException {
        return of(node, table, "id", "CONCAT(id, ':', v)");
    }
}
