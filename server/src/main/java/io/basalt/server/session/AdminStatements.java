package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.config.ConfigKey;
import io.basalt.server.exec.expr.LikeMatcher;
import io.basalt.server.sql.ast.Statement;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** KILL, ALTER SYSTEM and ADMIN SHOW/SET FRONTEND CONFIG. */
final class AdminStatements {
    private AdminStatements() {}

    static QueryResult kill(BasaltSession session, Statement.Kill k) {
        BasaltSession target = session.services().registry().get(k.connectionId());
        if (target == null) {
            throw BasaltException.of(ErrorCode.NO_SUCH_THREAD, "Unknown thread id: %d", k.connectionId());
        }
        if (!target.accountName().equals(session.accountName())
                && !session.access().has(io.basalt.server.catalog.Privilege.SUPER, "*", "*")) {
            throw BasaltException.of(ErrorCode.SPECIFIC_ACCESS_DENIED, "You are not owner of thread %d", k.connectionId());
        }
        if (k.queryOnly()) {
            target.cancel();
        } else {
            target.kill();
        }
        return QueryResult.UpdateCount.ok();
    }

    static QueryResult alterSystem(BasaltSession session, Statement.AlterSystem a) {
        session.access().requireGlobal(io.basalt.server.catalog.Privilege.SUPER);
        Cluster cluster = session.services().cluster();
        switch (a.action()) {
            case ADD_FOLLOWER -> cluster.addFollower(a.address());
            case DROP_FOLLOWER -> cluster.dropFollower(a.address());
            case TRANSFER_LEADER -> cluster.transferLeader(a.address());
            default -> throw new IllegalStateException(a.action().toString());
        }
        return QueryResult.UpdateCount.ok();
    }

    static QueryResult showConfig(BasaltSession session, Statement.AdminShowConfig c) {
        session.access().requireGlobal(io.basalt.server.catalog.Privilege.SUPER);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<ConfigKey<?>, Object> e : session.services().config().entries()) {
            ConfigKey<?> k = e.getKey();
            if (c.like() != null && !LikeMatcher.matches(k.name(), c.like())) {
                continue;
            }
            rows.add(new Object[] {k.name(), "", String.valueOf(e.getValue()), k.typeName(), String.valueOf(k.mutable()),
                    k.description()});
        }
        return RowsResult.of(List.of(ResultColumn.varchar("Key"), ResultColumn.varchar("AliasNames"),
                ResultColumn.varchar("Value"), ResultColumn.varchar("Type"), ResultColumn.varchar("IsMutable"),
                ResultColumn.varchar("Comment")), rows, session.services().allocator());
    }

    static QueryResult setConfig(BasaltSession session, Statement.AdminSetConfig c) {
        session.access().requireGlobal(io.basalt.server.catalog.Privilege.SUPER);
        for (Map.Entry<String, String> e : c.values().entrySet()) {
            session.services().config().setAtRuntime(e.getKey(), e.getValue());
        }
        return QueryResult.UpdateCount.ok();
    }
}
