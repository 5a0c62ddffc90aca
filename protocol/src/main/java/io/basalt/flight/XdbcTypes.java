package io.basalt.flight;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CommandGetXdbcTypeInfo: the SQL types Basalt stores, described the JDBC/ODBC way. Rows are
 * ordered by data type, then name, as the Flight SQL specification asks.
 */
final class XdbcTypes {
    private static final int SEARCHABLE_FULL = 3;
    private static final int NULLABLE = 1;

    private XdbcTypes() {}

    /** Every type, or those of one JDBC data type. */
    static List<Object[]> rows(Integer dataType) {
        List<Object[]> all = new ArrayList<>();
        all.add(type("BOOLEAN", Types.BOOLEAN, 1, null, null, List.of(), false, null, true, null, 0, 0, null, null));
        all.add(type("TINYINT", Types.TINYINT, 3, null, null, List.of(), false, false, true, true, 0, 0, null, 10));
        all.add(type("SMALLINT", Types.SMALLINT, 5, null, null, List.of(), false, false, true, true, 0, 0, null, 10));
        all.add(type("INT", Types.INTEGER, 10, null, null, List.of(), false, false, true, true, 0, 0, null, 10));
        all.add(type("BIGINT", Types.BIGINT, 19, null, null, List.of(), false, false, true, true, 0, 0, null, 10));
        all.add(type("FLOAT", Types.REAL, 12, null, null, List.of(), false, false, false, false, null, null, null, 10));
        all.add(type("DOUBLE", Types.DOUBLE, 22, null, null, List.of(), false, false, false, false, null, null, null,
                10));
        all.add(type("DECIMAL", Types.DECIMAL, 65, null, null, List.of("precision", "scale"), false, false, true,
                false, 0, 30, null, 10));
        all.add(type("CHAR", Types.CHAR, 255, "'", "'", List.of("length"), false, null, false, null, null, null,
                null, null));
        all.add(type("VARCHAR", Types.VARCHAR, 65_535, "'", "'", List.of("length"), false, null, false, null, null,
                null, null, null));
        all.add(type("TEXT", Types.LONGVARCHAR, 65_535, "'", "'", List.of(), false, null, false, null, null, null,
                null, null));
        all.add(type("VARBINARY", Types.VARBINARY, 65_535, "0x", null, List.of("length"), true, null, false, null,
                null, null, null, null));
        all.add(type("BLOB", Types.LONGVARBINARY, 65_535, "0x", null, List.of(), true, null, false, null, null, null,
                null, null));
        all.add(type("DATE", Types.DATE, 10, "'", "'", List.of(), false, null, false, null, null, null, 1, null));
        all.add(type("TIME", Types.TIME, 15, "'", "'", List.of("fsp"), false, null, false, null, 0, 6, 2, null));
        all.add(type("DATETIME", Types.TIMESTAMP, 26, "'", "'", List.of("fsp"), false, null, false, null, 0, 6, 3,
                null));
        all.add(type("TIMESTAMP", Types.TIMESTAMP, 26, "'", "'", List.of("fsp"), false, null, false, null, 0, 6, 3,
                null));
        all.sort(Comparator.comparingInt((Object[] r) -> (Integer) r[1]).thenComparing(r -> (String) r[0]));
        if (dataType == null) {
            return all;
        }
        List<Object[]> some = new ArrayList<>();
        for (Object[] r : all) {
            if (r[1].equals(dataType)) {
                some.add(r);
            }
        }
        return some;
    }

    private static Object[] type(String name, int dataType, int columnSize, String prefix, String suffix,
            List<String> createParams, boolean caseSensitive, Boolean unsigned, boolean fixedPrecScale,
            Boolean autoIncrement, Integer minScale, Integer maxScale, Integer datetimeSubcode, Integer radix) {
        // sql_data_type: the ODBC SQL_DATETIME (9) family for dates and times, the type itself otherwise.
        int sqlDataType = datetimeSubcode != null ? 9 : dataType;
        return new Object[] {name, dataType, columnSize, prefix, suffix, createParams, NULLABLE, caseSensitive,
            SEARCHABLE_FULL, unsigned, fixedPrecScale, autoIncrement, name, minScale, maxScale, sqlDataType,
            datetimeSubcode, radix, null};
    }
}
