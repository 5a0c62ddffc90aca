package io.basalt.mysql.resultset;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The two row encodings of the MySQL protocol: text rows answer COM_QUERY, binary rows answer
 * COM_STMT_EXECUTE and COM_STMT_FETCH. Column definitions are the same for both.
 */
public enum RowFormat {
    /** Protocol::TextResultsetRow: every value a length-encoded string. */
    TEXT {
        @Override
        public RowEncoder encoder(List<Field> fields, List<ColumnDefinition> columns) {
            return new TextRowEncoder(fields, columns);
        }
    },
    /** Protocol::BinaryResultsetRow: a NULL bitmap, then each non-null value in its binary form. */
    BINARY {
        @Override
        public RowEncoder encoder(List<Field> fields, List<ColumnDefinition> columns) {
            return new BinaryRowEncoder(fields, columns);
        }
    };

    /**
     * An encoder for rows of {@code fields}.
     *
     * @param columns the fields' column definitions, as {@link ArrowColumnMapping} describes them
     */
    public abstract RowEncoder encoder(List<Field> fields, List<ColumnDefinition> columns);
}
