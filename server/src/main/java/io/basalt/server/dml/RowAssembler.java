package io.basalt.server.dml;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.QueryRunner;
import io.basalt.server.sql.parser.SqlParser;
import io.basalt.server.sql.type.SqlType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds full table rows for INSERT: maps the statement's column list onto the table, fills
 * DEFAULT values, and converts every value to its column's type with MySQL's strict-mode checks
 * (or with warnings for INSERT IGNORE).
 */
public final class RowAssembler {
    private final TableDef table;
    private final int[] targets;
    private final boolean strict;
    private final Object[] defaults;
    private final boolean[] hasDefault;

    /**
     * @param columns the statement's column list; null means all columns in order
     * @param strict false for INSERT IGNORE
     */
    public RowAssembler(TableDef table, List<String> columns, boolean strict, QueryContext qc, ExecContext ctx) {
        this.table = table;
        this.strict = strict;
        List<ColumnDef> cols = table.columns();
        if (columns == null) {
            targets = java.util.stream.IntStream.range(0, cols.size()).toArray();
        } else {
            targets = new int[columns.size()];
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < columns.size(); i++) {
                int idx = table.columnIndex(columns.get(i));
                if (idx < 0) {
                    throw BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'", columns.get(i));
                }
                if (!seen.add(columns.get(i).toLowerCase(Locale.ROOT))) {
                    throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Column '%s' specified twice", columns.get(i));
                }
                targets[i] = idx;
            }
        }
        defaults = new Object[cols.size()];
        hasDefault = new boolean[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            ColumnDef col = cols.get(c);
            if (col.defaultExpression() != null) {
                Object v = evaluateConstant(SqlParser.parseExpression(col.defaultExpression()), qc, ctx);
                defaults[c] = ColumnCoercion.coerce(v, col, 1, true, ctx);
                hasDefault[c] = true;
            } else if (col.nullable() || col.autoIncrement()) {
                hasDefault[c] = true;
            }
        }
    }

    /** Number of values each source row must have. */
    public int arity() {
        return targets.length;
    }

    /** The rows of INSERT ... VALUES: each row's expressions evaluated, then assembled. */
    public List<Object[]> assembleAll(List<List<SqlNode>> values, QueryContext qc, ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>(values.size());
        long n = 0;
        for (List<SqlNode> row : values) {
            n++;
            if (row.size() != arity()) {
                throw BasaltException.of(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row %d", n);
            }
            ctx.tick();
            rows.add(assemble(evaluateRow(row, qc, ctx), n, ctx));
        }
        return rows;
    }

    /**
     * A full table row from one source row; a {@link #DEFAULT} element takes the column default.
     *
     * @param rowNumber 1-based, for messages
     */
    public Object[] assemble(Object[] source, long rowNumber, ExecContext ctx) {
        if (source.length != targets.length) {
            throw BasaltException.of(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row %d", rowNumber);
        }
        List<ColumnDef> cols = table.columns();
        Object[] row = new Object[cols.size()];
        boolean[] set = new boolean[cols.size()];
        for (int i = 0; i < targets.length; i++) {
            int c = targets[i];
            Object v = source[i];
            set[c] = true;
            if (v == DEFAULT) {
                row[c] = defaultValue(c, rowNumber, ctx);
                continue;
            }
            ColumnDef col = cols.get(c);
            if (v == null && !col.nullable() && !col.autoIncrement()) {
                if (strict) {
                    throw BasaltException.of(ErrorCode.BAD_NULL, "Column '%s' cannot be null", col.name());
                }
                ctx.warn(ErrorCode.BAD_NULL.mysqlErrno(), "Column '" + col.name() + "' cannot be null");
                row[c] = implicitDefault(col.type());
                continue;
            }
            row[c] = ColumnCoercion.coerce(v, col, rowNumber, strict, ctx);
        }
        for (int c = 0; c < cols.size(); c++) {
            if (!set[c]) {
                row[c] = defaultValue(c, rowNumber, ctx);
            }
        }
        return row;
    }

    /** The DEFAULT of column {@code c} (an error in strict mode when it has none). */
    public Object defaultValue(int c, long rowNumber, ExecContext ctx) {
        if (hasDefault[c]) {
            return defaults[c];
        }
        ColumnDef col = table.columns().get(c);
        if (strict) {
            throw BasaltException.of(ErrorCode.NO_DEFAULT_FOR_FIELD, "Field '%s' doesn't have a default value", col.name());
        }
        ctx.warn(ErrorCode.NO_DEFAULT_FOR_FIELD.mysqlErrno(), "Field '" + col.name() + "' doesn't have a default value");
        return implicitDefault(col.type());
    }

    /** The value MySQL uses for a NOT NULL column without a default when not in strict mode. */
    static Object implicitDefault(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> false;
            case TINYINT, SMALLINT, INT, BIGINT -> type.kind() == SqlType.Kind.BIGINT && type.unsigned() ? BigDecimal.ZERO : (Object) 0L;
            case FLOAT, DOUBLE -> 0.0;
            case DECIMAL -> BigDecimal.ZERO.setScale(type.scale());
            case CHAR, VARCHAR, TEXT -> "";
            case DATE -> LocalDate.of(1970, 1, 1);
            case DATETIME, TIMESTAMP -> LocalDateTime.of(1970, 1, 1, 0, 0);
            case TIME -> Duration.ZERO;
            case VARBINARY, BLOB -> new byte[0];
        };
    }

    /** Marker for DEFAULT in a VALUES row. */
    public static final Object DEFAULT = new Object() {
        @Override
        public String toString() {
            return "DEFAULT";
        }
    };

    /**
     * Evaluates expressions without column references: literals directly, anything else
     * through a one-row SELECT.
     */
    public static Object[] evaluateRow(List<SqlNode> exprs, QueryContext qc, ExecContext ctx) {
        Object[] out = new Object[exprs.size()];
        List<Integer> complex = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            SqlNode e = exprs.get(i);
            if (e == null) {
                out[i] = DEFAULT;
            } else if (!LiteralValues.tryConvert(e, out, i)) {
                complex.add(i);
            }
        }
        if (!complex.isEmpty()) {
            List<SqlNode> items = new ArrayList<>();
            for (int i : complex) {
                items.add(exprs.get(i));
            }
            SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, new SqlNodeList(items, SqlParserPos.ZERO), null,
                    null, null, null, null, null, null, null, null, null);
            List<Object[]> rows = QueryRunner.prepare(select, qc, -1).all(ctx);
            Object[] r = rows.get(0);
            for (int k = 0; k < complex.size(); k++) {
                out[complex.get(k)] = r[k];
            }
        }
        return out;
    }

    static Object evaluateConstant(SqlNode e, QueryContext qc, ExecContext ctx) {
        return evaluateRow(List.of(e), qc, ctx)[0];
    }
}
