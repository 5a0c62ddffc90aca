package io.basalt.server.exec.arrow;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.sql.plan.PlannedQuery;
import io.basalt.session.ColumnMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Builds the Arrow schema of a result, with SQL column details in field metadata. */
public final class ResultSchema {
    private ResultSchema() {}

    /** The Arrow type values of {@code t} travel as. */
    public static ArrowType arrowType(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INTEGER -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case DECIMAL -> new ArrowType.Decimal(Math.max(1, t.getPrecision()), Math.max(0, t.getScale()),
                    t.getPrecision() > 38 ? 256 : 128);
            case REAL, FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case BINARY, VARBINARY -> ArrowType.Binary.INSTANCE;
            case NULL -> ArrowType.Null.INSTANCE;
            default -> ArrowType.Utf8.INSTANCE;
        };
    }

    /** Schema of a planned query's result. */
    public static Schema of(PlannedQuery q, Catalog catalog) {
        List<Field> fields = new ArrayList<>();
        List<RelDataTypeField> typeFields = q.rowType().getFieldList();
        for (int i = 0; i < typeFields.size(); i++) {
            RelDataType t = typeFields.get(i).getType();
            PlannedQuery.ColumnOrigin origin = q.origins().get(i);
            Map<String, String> md = metadata(t);
            if (origin.originalColumn() != null) {
                md.put(ColumnMetadata.SCHEMA, origin.database());
                md.put(ColumnMetadata.TABLE, origin.table());
                md.put(ColumnMetadata.ORIGINAL_TABLE, origin.originalTable());
                md.put(ColumnMetadata.ORIGINAL_NAME, origin.originalColumn());
                TableDef table = catalog.table(origin.database(), origin.originalTable());
                ColumnDef col = table == null ? null : table.column(origin.originalColumn());
                if (col != null) {
                    md.putAll(columnMetadata(table, col));
                }
            }
            fields.add(ColumnMetadata.field(q.labels().get(i), arrowType(t), t.isNullable(), md));
        }
        return new Schema(fields);
    }

    /** Metadata derived from a Calcite type. */
    public static Map<String, String> metadata(RelDataType t) {
        Map<String, String> md = new HashMap<>();
        String sqlType = switch (t.getSqlTypeName()) {
            case INTEGER -> "INT";
            case REAL, FLOAT -> "FLOAT";
            case TIMESTAMP -> "DATETIME";
            case VARBINARY, BINARY -> "VARBINARY";
            default -> t.getSqlTypeName().getName();
        };
        md.put(ColumnMetadata.SQL_TYPE, sqlType);
        switch (t.getSqlTypeName()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> {
                int p = t.getPrecision();
                if (p > 0 && p < Integer.MAX_VALUE / 2) {
                    md.put(ColumnMetadata.LENGTH, Integer.toString(p));
                }
            }
            case DECIMAL -> {
                md.put(ColumnMetadata.PRECISION, Integer.toString(t.getPrecision()));
                md.put(ColumnMetadata.SCALE, Integer.toString(Math.max(0, t.getScale())));
            }
            case TIMESTAMP, TIME -> md.put(ColumnMetadata.SCALE, Integer.toString(Math.max(0, t.getPrecision())));
            default -> { }
        }
        return md;
    }

    /** Metadata of a stored column: its declared type, key and auto-increment flags. */
    public static Map<String, String> columnMetadata(TableDef table, ColumnDef col) {
        Map<String, String> md = new HashMap<>();
        md.put(ColumnMetadata.SQL_TYPE, col.type().metadataName());
        if (col.type().isString() || col.type().kind() == io.basalt.server.sql.type.SqlType.Kind.VARBINARY) {
            int len = col.type().maxChars();
            md.put(ColumnMetadata.LENGTH, Integer.toString(len > 0 ? len : col.type().displayLength()));
        } else {
            md.put(ColumnMetadata.LENGTH, Integer.toString(col.type().displayLength()));
        }
        if (col.type().kind() == io.basalt.server.sql.type.SqlType.Kind.DECIMAL) {
            md.put(ColumnMetadata.PRECISION, Integer.toString(col.type().length()));
            md.put(ColumnMetadata.SCALE, Integer.toString(col.type().scale()));
        }
        if (col.type().isTemporal()) {
            md.put(ColumnMetadata.SCALE, Integer.toString(col.type().length()));
        }
        if (table.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(col.name()))) {
            md.put(ColumnMetadata.PRIMARY_KEY, "true");
        }
        if (col.type().unsigned()) {
            md.put(ColumnMetadata.UNSIGNED, "true");
        }
        if (col.autoIncrement()) {
            md.put(ColumnMetadata.AUTO_INCREMENT, "true");
        }
        return md;
    }

    /** A field for a stored column (SHOW, COM_FIELD_LIST). */
    public static Field columnField(TableDef table, ColumnDef col) {
        Map<String, String> md = columnMetadata(table, col);
        md.put(ColumnMetadata.SCHEMA, table.database());
        md.put(ColumnMetadata.TABLE, table.name());
        md.put(ColumnMetadata.ORIGINAL_TABLE, table.name());
        md.put(ColumnMetadata.ORIGINAL_NAME, col.name());
        return ColumnMetadata.field(col.name(), col.type().arrowType(), col.nullable(), md);
    }
}
