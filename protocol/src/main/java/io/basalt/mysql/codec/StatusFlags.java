package io.basalt.mysql.codec;

/** Server status flags sent in OK and EOF packets (SERVER_STATUS_* in MySQL). */
public final class StatusFlags {
    public static final int IN_TRANS = 1;
    public static final int AUTOCOMMIT = 1 << 1;
    public static final int MORE_RESULTS_EXISTS = 1 << 3;
    /** A COM_STMT_EXECUTE opened a cursor; its rows come through COM_STMT_FETCH. */
    public static final int CURSOR_EXISTS = 1 << 6;
    /** The COM_STMT_FETCH answer holds the cursor's last rows; the cursor is closed. */
    public static final int LAST_ROW_SENT = 1 << 7;

    private StatusFlags() {}
}
