package io.basalt.flight;

import io.basalt.error.BasaltException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SessionOptionValueVisitor;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;

/**
 * Flight session options. {@code schema} and {@code database} select the current database.
 * {@code catalog} accepts "def" (the one Flight SQL catalog) and otherwise names a database, as
 * MySQL tools that call databases catalogs expect; Arrow's JDBC driver sends its {@code catalog}
 * connection property here.
 */
final class SessionOptions {
    static final String CATALOG = "catalog";
    static final String SCHEMA = "schema";
    static final String DATABASE = "database";

    private SessionOptions() {}

    static SetSessionOptionsResult set(FlightSession session, SetSessionOptionsRequest request) {
        Map<String, SetSessionOptionsResult.Error> errors = new HashMap<>();
        for (Map.Entry<String, SessionOptionValue> e : request.getSessionOptions().entrySet()) {
            String name = e.getKey();
            String value = e.getValue().acceptVisitor(new TextValue());
            if (!name.equals(CATALOG) && !name.equals(SCHEMA) && !name.equals(DATABASE)) {
                errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME));
                continue;
            }
            if (value == null) {
                // An empty value unsets the option (nothing to do); other types are not database names.
                if (!e.getValue().isEmpty()) {
                    errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
                }
                continue;
            }
            if (value.isEmpty() || (name.equals(CATALOG) && value.equals(FlightSchemas.CATALOG))) {
                continue;
            }
            try {
                session.run(s -> s.useDatabase(value));
            } catch (BasaltException ex) {
                errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
            }
        }
        return new SetSessionOptionsResult(errors);
    }

    static GetSessionOptionsResult get(FlightSession session) {
        Map<String, SessionOptionValue> options = new LinkedHashMap<>();
        options.put(CATALOG, SessionOptionValueFactory.makeSessionOptionValue(FlightSchemas.CATALOG));
        String db = session.call(s -> s.database());
        if (db != null) {
            options.put(SCHEMA, SessionOptionValueFactory.makeSessionOptionValue(db));
            options.put(DATABASE, SessionOptionValueFactory.makeSessionOptionValue(db));
        }
        return new GetSessionOptionsResult(options);
    }

    /** A string option's value; null for other types. */
    private static final class TextValue implements SessionOptionValueVisitor<String> {
        @Override
        public String visit(String value) {
            return value;
        }

        @Override
        public String visit(boolean value) {
            return null;
        }

        @Override
        public String visit(long value) {
            return null;
        }

        @Override
        public String visit(double value) {
            return null;
        }

        @Override
        public String visit(String[] value) {
            return null;
        }

        @Override
        public String visit(Void value) {
            return null;
        }
    }
}
