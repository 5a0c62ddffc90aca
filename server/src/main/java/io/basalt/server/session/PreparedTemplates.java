package io.basalt.server.session;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.QueryTemplate;
import org.apache.calcite.sql.SqlNode;

/**
 * The template of one prepared query ({@link QueryTemplate}), planned at its first execution and
 * again whenever the catalog, database, account or sql_mode it was planned under changes. A query
 * that cannot be templated is not tried again until the catalog changes.
 */
final class PreparedTemplates {
    private QueryTemplate template;
    private Catalog failedFor;

    /** The template for {@code query} under {@code qc}, or null when it has none. */
    synchronized QueryTemplate get(SqlNode query, QueryContext qc) {
        if (template != null && template.holdsFor(qc)) {
            return template;
        }
        if (failedFor == qc.catalog()) {
            return null;
        }
        template = QueryTemplate.plan(query, qc);
        failedFor = template == null ? qc.catalog() : null;
        return template;
    }
}
