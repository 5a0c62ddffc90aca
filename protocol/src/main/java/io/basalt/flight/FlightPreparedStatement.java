package io.basalt.flight;

import io.basalt.session.PreparedStatement;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A session's prepared statement as Flight clients see it: the session's statement, the schemas
 * advertised to clients, and the parameter rows bound by the last DoPut of a query.
 */
final class FlightPreparedStatement {
    private final String handle;
    private final PreparedStatement statement;
    private final Schema datasetSchema;
    private final Schema parameterSchema;
    private volatile List<List<Object>> boundRows = List.of();

    FlightPreparedStatement(String handle, PreparedStatement statement, Schema datasetSchema, Schema parameterSchema) {
        this.handle = handle;
        this.statement = statement;
        this.datasetSchema = datasetSchema;
        this.parameterSchema = parameterSchema;
    }

    String handle() {
        return handle;
    }

    PreparedStatement statement() {
        return statement;
    }

    Schema datasetSchema() {
        return datasetSchema;
    }

    Schema parameterSchema() {
        return parameterSchema;
    }

    int parameterCount() {
        return statement.parameters().getFields().size();
    }

    List<List<Object>> boundRows() {
        return boundRows;
    }

    void bind(List<List<Object>> rows) {
        boundRows = List.copyOf(rows);
    }
}
