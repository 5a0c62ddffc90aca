package io.basalt.session;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement prepared once and executed many times with values for its {@code ?} placeholders.
 * Parameter values cross this interface as plain Java objects: null, Boolean, Long, Double,
 * BigDecimal, String, byte[], LocalDate, LocalDateTime, LocalTime or Duration (a TIME, which in
 * MySQL is a signed duration up to 838:59:59 rather than a time of day).
 */
public interface PreparedStatement extends AutoCloseable {

    /**
     * One field per {@code ?}, in order, typed as the server inferred from the statement (Utf8 when
     * nothing tells the type).
     */
    Schema parameters();

    /** The schema of the rows {@link #execute} returns; no fields for a statement without rows. */
    Schema resultSchema();

    /**
     * Executes with these parameter values.
     *
     * @throws io.basalt.error.BasaltException WRONG_ARGUMENTS when the count does not match, or any
     *     error executing the statement gives
     */
    QueryResult execute(List<Object> parameters);

    /** Releases the statement. Never throws. */
    @Override
    void close();
}
