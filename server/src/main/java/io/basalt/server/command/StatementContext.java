package io.basalt.server.command;

import io.basalt.server.exec.StatementEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
 * @param userVariables @variables, each value encoded by {@link #encode}
 * @param parameters prepared-statement parameter values, encoded by {@link #encode}
 * @param sqlMode the proposer's sql_mode; null in commands written before it was recorded
 * @param account the proposer's CURRENT_USER(); null in commands written before it was recorded
 * @param cteMaxRecursionDepth the proposer's cte_max_recursion_depth; null in commands written
 *     before it was recorded (the default then applies)
 * @param rowCount the proposer's ROW_COUNT(); null in commands written before it was recorded, which
 *     were evaluated with -1
 * @param foundRows the proposer's FOUND_ROWS(); null as for {@code rowCount}
 */
public record StatementContext(String database, String user, String host, long connectionId, String statementTime,
        long lastInsertId, long randomSeed, Map<String, String> userVariables, List<String> parameters,
        String sqlMode, String account, Long cteMaxRecursionDepth, Long rowCount, Long foundRows) {

    public static StatementContext of(StatementEnvironment env, Map<String, Object> userVariables,
            List<Object> parameters) {
        return of(env, userVariables, parameters, null);
    }

    public static StatementContext of(StatementEnvironment env, Map<String, Object> userVariables,
            List<Object> parameters, Long cteMaxRecursionDepth) {
        Map<String, String> encoded = new HashMap<>();
        for (Map.Entry<String, Object> e : userVariables.entrySet()) {
            if (e.getValue() != null) {
                encoded.put(e.getKey(), encode(e.getValue()));
            }
        }
        List<String> params = new ArrayList<>();
        for (Object p : parameters) {
            params.add(encode(p));
        }
        return new StatementContext(env.database(), env.user(), env.host(), env.connectionId(),
                env.statementTime().toString(), env.lastInsertId(), env.randomSeed(), encoded, params, env.sqlMode(),
                env.account(), cteMaxRecursionDepth, env.rowCount(), env.foundRows());
    }

    /** A value as text with a one-letter type prefix, so it comes back with the same runtime type. */
    static String encode(Object v) {
        if (v == null) {
            return "Z:";
        }
        if (v instanceof Long l) {
            return "L:" + l;
        }
        if (v instanceof BigDecimal d) {
            return "N:" + d.toPlainString();
        }
        if (v instanceof Double d) {
            return "D:" + d;
        }
        if (v instanceof Boolean b) {
            return "T:" + b;
        }
        if (v instanceof byte[] b) {
            return "B:" + Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof LocalDate d) {
            return "d:" + d;
        }
        if (v instanceof LocalDateTime t) {
            return "t:" + t;
        }
        if (v instanceof Duration t) {
            // ISO-8601 (PT-1H-30M); entries written before TIME was a duration hold a LocalTime text.
            return "h:" + t;
        }
        return "S:" + io.basalt.server.exec.value.MysqlValues.toText(v);
    }

    static Object decode(String s) {
        String body = s.substring(2);
        return switch (s.charAt(0)) {
            case 'Z' -> null;
            case 'L' -> Long.parseLong(body);
            case 'N' -> new BigDecimal(body);
            case 'D' -> Double.parseDouble(body);
            case 'T' -> Boolean.parseBoolean(body);
            case 'B' -> Base64.getDecoder().decode(body);
            case 'd' -> LocalDate.parse(body);
            case 't' -> LocalDateTime.parse(body);
            case 'h' -> body.startsWith("PT") || body.startsWith("-PT") ? Duration.parse(body)
                    : io.basalt.server.exec.value.TimeValues.ofTimeOfDay(LocalTime.parse(body));
            default -> body;
        };
    }

    /** The user variables with their runtime types restored. */
    public Map<String, Object> variables() {
        Map<String, Object> out = new HashMap<>();
        if (userVariables != null) {
            for (Map.Entry<String, String> e : userVariables.entrySet()) {
                out.put(e.getKey(), decode(e.getValue()));
            }
        }
        return out;
    }

    /** The prepared-statement parameter values with their runtime types restored. */
    public List<Object> parameterValues() {
        List<Object> out = new ArrayList<>();
        if (parameters != null) {
            for (String p : parameters) {
                out.add(decode(p));
            }
        }
        return out;
    }

    public StatementEnvironment environment(String serverVersion) {
        return new StatementEnvironment(database, user, host, connectionId, LocalDateTime.parse(statementTime),
                lastInsertId, randomSeed, serverVersion, sqlMode, account, rowCount == null ? -1 : rowCount,
                foundRows == null ? -1 : foundRows);
    }
}
