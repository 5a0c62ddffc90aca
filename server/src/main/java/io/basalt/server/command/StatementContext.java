package io.basalt.server.command;

import io.basalt.server.exec.StatementEnvironment;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The session values a write evaluated at apply time needs, fixed by the proposer so that every
 * replica computes the same result.
 *
 * @param database current database or null
 * @param user user name
 * @param host client host
 * @param connectionId proposing connection
 * @param statementTime NOW() as ISO text
 * @param lastInsertId LAST_INSERT_ID() of the session
 * @param randomSeed seed for RAND()
 * @param userVariables @variables, each value typed by a prefix (L: long, N: decimal, D: double, S: text)
 */
public record StatementContext(String database, String user, String host, long connectionId, String statementTime,
        long lastInsertId, long randomSeed, Map<String, String> userVariables) {

    public static StatementContext of(StatementEnvironment env, Map<String, Object> userVariables) {
        Map<String, String> encoded = new HashMap<>();
        for (Map.Entry<String, Object> e : userVariables.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            String text;
            if (v instanceof Long l) {
                text = "L:" + l;
            } else if (v instanceof BigDecimal d) {
                text = "N:" + d.toPlainString();
            } else if (v instanceof Double d) {
                text = "D:" + d;
            } else {
                text = "S:" + io.basalt.server.exec.value.MysqlValues.toText(v);
            }
            encoded.put(e.getKey(), text);
        }
        return new StatementContext(env.database(), env.user(), env.host(), env.connectionId(),
                env.statementTime().toString(), env.lastInsertId(), env.randomSeed(), encoded);
    }

    /** The user variables with their runtime types restored. */
    public Map<String, Object> variables() {
        Map<String, Object> out = new HashMap<>();
        if (userVariables == null) {
            return out;
        }
        for (Map.Entry<String, String> e : userVariables.entrySet()) {
            String s = e.getValue();
            String body = s.substring(2);
            Object v = switch (s.charAt(0)) {
                case 'L' -> Long.parseLong(body);
                case 'N' -> new BigDecimal(body);
                case 'D' -> Double.parseDouble(body);
                default -> body;
            };
            out.put(e.getKey(), v);
        }
        return out;
    }

    public StatementEnvironment environment(String serverVersion) {
        return new StatementEnvironment(database, user, host, connectionId, LocalDateTime.parse(statementTime),
                lastInsertId, randomSeed, serverVersion);
    }
}
