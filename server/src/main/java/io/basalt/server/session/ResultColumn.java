package io.basalt.server.session;

import io.basalt.server.sql.type.SqlType;
import io.basalt.server.sql.type.SqlType.Kind;

/** A column of a result Basalt computes itself (SHOW statements, admin SQL). */
public record ResultColumn(String name, SqlType type) {
    public static ResultColumn varchar(String name) {
        return new ResultColumn(name, SqlType.varchar(256));
    }

    public static ResultColumn text(String name) {
        return new ResultColumn(name, SqlType.of(Kind.TEXT));
    }

    public static ResultColumn bigint(String name) {
        return new ResultColumn(name, SqlType.of(Kind.BIGINT));
    }

    public static ResultColumn datetime(String name) {
        return new ResultColumn(name, SqlType.of(Kind.DATETIME));
    }
}
