package io.basalt.mysql.codec;

/** The collation ids Basalt sends; every text value on the wire is UTF-8. */
public final class CharacterSets {
    /** utf8mb4_general_ci: the server default and the collation of string columns. */
    public static final int UTF8MB4_GENERAL_CI = 45;
    /** binary: numbers, temporals and binary strings. */
    public static final int BINARY = 63;

    private CharacterSets() {}
}
