package io.basalt.server.exec;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.sql.plan.SystemTable;
import io.basalt.server.sql.plan.VariableResolver;
import io.basalt.storage.TableStore;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What planning and running a query needs from its surroundings: the catalog snapshot, the
 * current database, system schemas, variables, session values and table storage.
 */
public record QueryContext(Catalog catalog, StatementEnvironment env, VariableResolver variables,
        Function<Catalog, Map<String, Map<String, SystemTable>>> systemSchemas, LongFunction<TableStore> stores,
        io.basalt.server.auth.AccessControl access) {

    /** A context that checks no privileges (writes re-evaluated by the state machine). */
    public QueryContext(Catalog catalog, StatementEnvironment env, VariableResolver variables,
            Function<Catalog, Map<String, Map<String, SystemTable>>> systemSchemas, LongFunction<TableStore> stores) {
        this(catalog, env, variables, systemSchemas, stores, null);
    }

    public String database() {
        return env.database();
    }
}
