package io.basalt.mysql.resultset;

/** Column definition flags (*_FLAG in MySQL). */
public final class ColumnFlags {
    public static final int NOT_NULL = 1;
    public static final int PRIMARY_KEY = 1 << 1;
    public static final int BLOB = 1 << 4;
    public static final int UNSIGNED = 1 << 5;
    public static final int BINARY = 1 << 7;
    public static final int AUTO_INCREMENT = 1 << 9;
    public static final int NUM = 1 << 15;

    private ColumnFlags() {}
}
