package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.JdbcDrivers;
import io.basalt.tests.harness.JdbcDrivers.Release;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a BI tool does on connect: catalogs, then schemas, tables, columns, primary keys and
 * indexes through DatabaseMetaData, for a database of 50 tables, with every driver release.
 * Each answer is checked against the DDL that built the database.
 */
@ExtendWith(BasaltServerExtension.class)
class MetadataCrawlTest {

    private static final String DB = "bi_crawl";
    private static final int TABLES = 50;

    /** Column types cycled through the tables: DDL type, java.sql.Types code, driver's TYPE_NAME. */
    private record ColumnType(String ddl, int jdbcType, String typeName) {}

    private static final List<ColumnType> TYPES = List.of(
            new ColumnType("INT", Types.INTEGER, "INT"),
            new ColumnType("BIGINT", Types.BIGINT, "BIGINT"),
            new ColumnType("VARCHAR(40)", Types.VARCHAR, "VARCHAR"),
            new ColumnType("DECIMAL(12,3)", Types.DECIMAL, "DECIMAL"),
            new ColumnType("DOUBLE", Types.DOUBLE, "DOUBLE"),
            new ColumnType("DATE", Types.DATE, "DATE"),
            new ColumnType("DATETIME", Types.TIMESTAMP, "DATETIME"),
            new ColumnType("SMALLINT", Types.SMALLINT, "SMALLINT"));

    /** table → its columns in order (name → type). */
    private static final Map<String, Map<String, ColumnType>> EXPECTED = new TreeMap<>();

    @BeforeAll
    static void createFiftyTables(BasaltProcess basalt) throws SQLException {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB);
            for (int t = 0; t < TABLES; t++) {
                String table = String.format("table_%02d", t);
                Map<String, ColumnType> cols = new LinkedHashMap<>();
                cols.put("id", TYPES.get(0));
                int extra = 1 + t % 6;
                for (int i = 0; i < extra; i++) {
                    cols.put("c" + i + "_" + t, TYPES.get((t + i) % TYPES.size()));
                }
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + DB + "." + table + " (id INT NOT NULL");
                cols.forEach((name, type) -> {
                    if (!name.equals("id")) {
                        ddl.append(", ").append(name).append(' ').append(type.ddl());
                    }
                });
                ddl.append(", PRIMARY KEY (id)");
                if (t % 5 == 0) {
                    ddl.append(", KEY idx_").append(t).append(" (c0_").append(t).append(')');
                }
                ddl.append(") COMMENT 'table number ").append(t).append('\'');
                s.execute(ddl.toString());
                EXPECTED.put(table, cols);
            }
            s.execute("CREATE VIEW " + DB + ".v_first AS SELECT id FROM " + DB + ".table_00");
        }
    }

    @ParameterizedTest
    @EnumSource(Release.class)
    void crawlReturnsEveryTableColumnAndKey(Release release, BasaltProcess basalt) throws SQLException {
        try (Connection c = JdbcDrivers.connect(release, basalt.mysqlPort(), null, "")) {
            DatabaseMetaData md = c.getMetaData();

            List<String> catalogs = strings(md.getCatalogs(), "TABLE_CAT");
            assertThat(catalogs).contains(DB, "information_schema");
            strings(md.getSchemas(), "TABLE_SCHEM"); // MySQL drivers use catalogs; schemas may be empty

            Map<String, String> tableTypes = new TreeMap<>();
            try (ResultSet rs = md.getTables(DB, null, "%", null)) {
                while (rs.next()) {
                    assertThat(rs.getString("TABLE_CAT")).isEqualTo(DB);
                    tableTypes.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
                }
            }
            assertThat(tableTypes).hasSize(TABLES + 1);
            assertThat(tableTypes.get("v_first")).isEqualTo("VIEW");
            for (String t : EXPECTED.keySet()) {
                assertThat(tableTypes.get(t)).as(t).isEqualTo("TABLE");
            }
            try (ResultSet rs = md.getTables(DB, null, "table_07", new String[] {"TABLE"})) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("REMARKS")).isEqualTo("table number 7");
                assertThat(rs.next()).isFalse();
            }

            // Columns, table by table, as a tool browsing the tree does.
            int columnCount = 0;
            for (Map.Entry<String, Map<String, ColumnType>> e : EXPECTED.entrySet()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = md.getColumns(DB, null, e.getKey(), "%")) {
                    while (rs.next()) {
                        String name = rs.getString("COLUMN_NAME");
                        ColumnType want = e.getValue().get(name);
                        assertThat(want).as("%s.%s", e.getKey(), name).isNotNull();
                        assertThat(rs.getString("TABLE_NAME")).isEqualTo(e.getKey());
                        assertThat(rs.getInt("DATA_TYPE")).as("%s.%s", e.getKey(), name).isEqualTo(want.jdbcType());
                        assertThat(rs.getString("TYPE_NAME")).as("%s.%s", e.getKey(), name)
                                .isEqualToIgnoringCase(want.typeName());
                        assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(names.size() + 1);
                        assertThat(rs.getInt("NULLABLE")).isEqualTo(name.equals("id")
                                ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable);
                        if (want.ddl().startsWith("VARCHAR")) {
                            assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(40);
                        }
                        if (want.ddl().startsWith("DECIMAL")) {
                            assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(12);
                            assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(3);
                        }
                        names.add(name);
                    }
                }
                assertThat(names).containsExactlyElementsOf(e.getValue().keySet());
                columnCount += names.size();
            }
            // And all at once, as a tool building its search index does.
            int all = 0;
            try (ResultSet rs = md.getColumns(DB, null, "table_%", "%")) {
                while (rs.next()) {
                    all++;
                }
            }
            assertThat(all).isEqualTo(columnCount);

            for (String t : EXPECTED.keySet()) {
                try (ResultSet rs = md.getPrimaryKeys(DB, null, t)) {
                    assertThat(rs.next()).as(t).isTrue();
                    assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
                    assertThat(rs.getInt("KEY_SEQ")).isEqualTo(1);
                    assertThat(rs.next()).isFalse();
                }
                int n = Integer.parseInt(t.substring("table_".length()));
                Set<String> indexes = new HashSet<>();
                try (ResultSet rs = md.getIndexInfo(DB, null, t, false, false)) {
                    while (rs.next()) {
                        indexes.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":"
                                + rs.getBoolean("NON_UNIQUE"));
                    }
                }
                Set<String> want = new HashSet<>(Set.of("PRIMARY:id:false"));
                if (n % 5 == 0) {
                    want.add("idx_" + n + ":c0_" + n + ":true");
                }
                assertThat(indexes).as(t).isEqualTo(want);
            }

            List<String> typeNames = strings(md.getTypeInfo(), "TYPE_NAME");
            assertThat(typeNames).isNotEmpty();
            assertThat(typeNames.stream().map(String::toUpperCase)).contains("INT", "VARCHAR", "DECIMAL", "DATETIME");
            try (ResultSet rs = md.getFunctions(DB, null, "%")) {
                assertThat(rs.getMetaData().getColumnCount()).isGreaterThanOrEqualTo(6);
            }
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
