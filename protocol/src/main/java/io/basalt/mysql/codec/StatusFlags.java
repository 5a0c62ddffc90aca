package io.basalt.mysql.codec;

/** Server status flags sent in OK and EOF packets (SERVER_STATUS_* in MySQL). */
public final class StatusFlags {
    public static final int IN_TRANS = 1;
    public static final int AUTOCOMMIT = 1 << 1;
    public static final int MORE_RESULTS_EXISTS = 1 << 3;

    private StatusFlags() {}
}
