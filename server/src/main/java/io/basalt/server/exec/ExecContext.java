package io.basalt.server.exec;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.value.Warnings;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.core.CorrelationId;

/**
 * Everything one statement's execution needs besides its plan: the session values functions read
 * (current database, user, statement time), warnings, correlation variables of nested loops,
 * prepared-statement parameters, the memory allocator, and the cancellation flag.
 */
public final class ExecContext implements Warnings {
    /** Most warnings kept per statement, as max_error_count. */
    public static final int MAX_WARNINGS = 64;

    private final StatementEnvironment env;
    private final BufferAllocator allocator;
    private final List<Warning> warnings = new ArrayList<>();
    private int warningCount;
    private final Map<CorrelationId, Object[]> correlations = new HashMap<>();
    /** Created by the first recursive query; most statements have none. */
    private Map<Object, List<Object[]>> workingTables;
    private long recursionLimit = DEFAULT_RECURSION_LIMIT;
    private volatile boolean cancelled;
    private final Random random;
    private List<Object> parameters = List.of();
    private long rowsChecked;

    /** MySQL's default cte_max_recursion_depth. */
    public static final long DEFAULT_RECURSION_LIMIT = 1000;

    /** A warning raised during execution. */
    public record Warning(String level, int code, String message) {}

    public ExecContext(StatementEnvironment env, BufferAllocator allocator) {
        this.env = env;
        this.allocator = allocator;
        this.random = new Random(env.randomSeed());
    }

    public StatementEnvironment env() {
        return env;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public LocalDateTime statementTime() {
        return env.statementTime();
    }

    public Random random() {
        return random;
    }

    @Override
    public void warn(int code, String message) {
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new Warning("Warning", code, message));
        }
    }

    public List<Warning> warnings() {
        return warnings;
    }

    public int warningCount() {
        return warningCount;
    }

    public void bindCorrelation(CorrelationId id, Object[] row) {
        correlations.put(id, row);
    }

    public Object[] correlation(CorrelationId id) {
        Object[] row = correlations.get(id);
        if (row == null) {
            throw new IllegalStateException("unbound correlation " + id);
        }
        return row;
    }

    /** The rows a recursive query's working table holds for the iteration running now. */
    public void setWorkingTable(Object table, List<Object[]> rows) {
        if (workingTables == null) {
            workingTables = new HashMap<>();
        }
        workingTables.put(table, rows);
    }

    public List<Object[]> workingTable(Object table) {
        List<Object[]> rows = workingTables == null ? null : workingTables.get(table);
        if (rows == null) {
            throw new IllegalStateException("working table read outside its recursive query");
        }
        return rows;
    }

    /** cte_max_recursion_depth: the most iterations a recursive common table expression may run. */
    public long recursionLimit() {
        return recursionLimit;
    }

    public void setRecursionLimit(long limit) {
        this.recursionLimit = limit;
    }

    public void setParameters(List<Object> parameters) {
        this.parameters = parameters;
    }

    public Object parameter(int index) {
        if (index >= parameters.size()) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE");
        }
        return parameters.get(index);
    }

    /** Asks the running statement to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws QUERY_INTERRUPTED once cancelled; operators call it every few rows. */
    public void checkCancelled() {
        if (cancelled) {
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    /** Cheap periodic cancellation check for tight loops. */
    public void tick() {
        if ((++rowsChecked & 1023) == 0) {
            checkCancelled();
        }
    }
}
