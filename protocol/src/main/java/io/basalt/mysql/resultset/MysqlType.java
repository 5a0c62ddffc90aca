package io.basalt.mysql.resultset;

/** Column type codes of the MySQL protocol (enum_field_types) that Basalt sends. */
public enum MysqlType {
    TINY(1),
    SHORT(2),
    LONG(3),
    FLOAT(4),
    DOUBLE(5),
    NULL(6),
    TIMESTAMP(7),
    LONGLONG(8),
    DATE(10),
    TIME(11),
    DATETIME(12),
    NEWDECIMAL(246),
    BLOB(252),
    VAR_STRING(253),
    STRING(254);

    private final int code;

    MysqlType(int code) {
        this.code = code;
    }

    /** The byte sent in column definitions. */
    public int code() {
        return code;
    }
}
