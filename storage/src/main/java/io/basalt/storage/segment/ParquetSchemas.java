package io.basalt.storage.segment;

import io.basalt.storage.column.ColumnSpec;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a segment: one optional column per {@link ColumnSpec}, named by column id
 * ({@code c<id>}), with the standard logical type annotations so other Parquet readers (DuckDB,
 * Spark) see the same values.
 */
public final class ParquetSchemas {

  /** Root name of every segment's message type. */
  public static final String MESSAGE_NAME = "basalt_segment";

  private ParquetSchemas() {
  }

  /** The message type holding {@code columns}, in order. */
  public static MessageType messageType(List<ColumnSpec> columns) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnSpec c : columns) {
      b.addField(primitive(c));
    }
    return b.named(MESSAGE_NAME);
  }

  /** The Parquet column of one column spec. */
  public static Type primitive(ColumnSpec c) {
    String name = c.storageName();
    switch (c.kind()) {
      case BOOL:
        return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
      case INT8:
        return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true)).named(name);
      case INT16:
        return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true)).named(name);
      case INT32:
        return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named(name);
      case INT64:
        return Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(name);
      case FLOAT32:
        return Types.optional(PrimitiveTypeName.FLOAT).named(name);
      case FLOAT64:
        return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
      case DECIMAL128:
      case DECIMAL256: {
        ArrowType.Decimal d = (ArrowType.Decimal) c.type();
        return Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
            .length(d.getBitWidth() / 8)
            .as(LogicalTypeAnnotation.decimalType(d.getScale(), d.getPrecision()))
            .named(name);
      }
      case UTF8:
        return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
      case BINARY:
        return Types.optional(PrimitiveTypeName.BINARY).named(name);
      case DATE:
        return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
      case TIMESTAMP:
        return Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
      case TIME:
        return Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name);
      default:
        throw new AssertionError(c.kind());
    }
  }

  /** Byte width of a fixed-length column, for decimals. */
  static int fixedLength(Type type) {
    return ((PrimitiveType) type).getTypeLength();
  }
}
