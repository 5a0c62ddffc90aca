package io.basalt.mysql.resultset;

import static java.util.Objects.requireNonNull;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;

/**
 * One Protocol::ColumnDefinition41: where a result column comes from and how clients must read it.
 *
 * @param schema database of the underlying table, or ""
 * @param table table or alias, or ""
 * @param originalTable the underlying table's name, or ""
 * @param name the column label
 * @param originalName the underlying column's name
 * @param collation collation id of the values
 * @param length maximum length in bytes of a value as text (unsigned 32-bit)
 * @param type the type code
 * @param flags {@link ColumnFlags}
 * @param decimals fractional digits; 0x1f when unknown
 */
public record ColumnDefinition(
        String schema,
        String table,
        String originalTable,
        String name,
        String originalName,
        int collation,
        long length,
        MysqlType type,
        int flags,
        int decimals) {
    private static final int FIXED_FIELDS_LENGTH = 0x0C;

    public ColumnDefinition {
        requireNonNull(schema, "schema");
        requireNonNull(table, "table");
        requireNonNull(originalTable, "originalTable");
        requireNonNull(name, "name");
        requireNonNull(originalName, "originalName");
        requireNonNull(type, "type");
    }

    /** Writes the payload as sent in a result set. */
    public void writeTo(ByteBuf out) {
        BasicTypes.writeLenencString(out, "def");
        BasicTypes.writeLenencString(out, schema);
        BasicTypes.writeLenencString(out, table);
        BasicTypes.writeLenencString(out, originalTable);
        BasicTypes.writeLenencString(out, name);
        BasicTypes.writeLenencString(out, originalName);
        out.writeByte(FIXED_FIELDS_LENGTH);
        out.writeShortLE(collation);
        out.writeIntLE((int) length);
        out.writeByte(type.code());
        out.writeShortLE(flags);
        out.writeByte(decimals);
        out.writeShortLE(0);
    }

    /** Writes the payload as sent for COM_FIELD_LIST, which adds the column default (unknown: NULL). */
    public void writeFieldListTo(ByteBuf out) {
        writeTo(out);
        out.writeByte(BasicTypes.NULL_VALUE);
    }
}
