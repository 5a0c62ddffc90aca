package io.basalt.server.session;

import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.IndexDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.sql.parser.SqlParser;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/** The CREATE statements SHOW CREATE TABLE/VIEW print; Basalt's parser reads them back unchanged. */
final class CreateStatements {
    private CreateStatements() {}

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String quoteList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(names.get(i)));
        }
        return sb.toString();
    }

    static String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** How SHOW CREATE TABLE spells a column DEFAULT: literals quoted as MySQL does, expressions as written. */
    static String defaultClause(ColumnDef c) {
        if (c.defaultExpression() == null) {
            return c.nullable() && !c.autoIncrement() ? " DEFAULT NULL" : "";
        }
        try {
            SqlNode n = SqlParser.parseExpression(c.defaultExpression());
            if (n instanceof SqlLiteral lit) {
                Object v = io.basalt.server.dml.LiteralValues.valueOf(lit);
                return v == null ? " DEFAULT NULL" : " DEFAULT " + stringLiteral(MysqlValues.toText(v));
            }
        } catch (RuntimeException e) {
            // fall through: show the expression text
        }
        return " DEFAULT " + c.defaultExpression();
    }

    static String columnLine(ColumnDef c) {
        StringBuilder sb = new StringBuilder("  ").append(quote(c.name())).append(' ').append(c.type().sqlText());
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        sb.append(defaultClause(c));
        if (c.autoIncrement()) {
            sb.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            sb.append(" COMMENT ").append(stringLiteral(c.comment()));
        }
        return sb.toString();
    }

    static String table(TableDef t, long nextAutoIncrement) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (\n");
        List<ColumnDef> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            sb.append(columnLine(cols.get(i)));
            boolean more = i < cols.size() - 1 || (t.keysType() == null && !t.keyColumns().isEmpty())
                    || !t.indexes().isEmpty();
            sb.append(more ? ",\n" : "\n");
        }
        if (t.keysType() == null && !t.keyColumns().isEmpty()) {
            sb.append("  PRIMARY KEY (").append(quoteList(t.keyColumns())).append(')');
            sb.append(t.indexes().isEmpty() ? "\n" : ",\n");
        }
        for (int i = 0; i < t.indexes().size(); i++) {
            IndexDef idx = t.indexes().get(i);
            sb.append("  ").append(idx.unique() ? "UNIQUE KEY " : "KEY ").append(quote(idx.name())).append(" (")
                    .append(quoteList(idx.columns())).append(')');
            sb.append(i < t.indexes().size() - 1 ? ",\n" : "\n");
        }
        sb.append(')');
        Map<String, String> p = t.properties();
        if (t.keysType() != null) {
            sb.append(" ENGINE=OLAP\n").append(t.keysType()).append(" KEY(").append(quoteList(t.keyColumns())).append(')');
            if (p.containsKey("comment")) {
                sb.append("\nCOMMENT ").append(stringLiteral(p.get("comment")));
            }
            if (!t.distributionColumns().isEmpty()) {
                sb.append("\nDISTRIBUTED BY HASH(").append(quoteList(t.distributionColumns())).append(')');
                if (t.buckets() > 0) {
                    sb.append(" BUCKETS ").append(t.buckets());
                }
            }
            StringBuilder props = new StringBuilder();
            for (Map.Entry<String, String> e : p.entrySet()) {
                String k = e.getKey();
                if (k.equals("comment") || k.equals("engine") || k.equals("buckets") || k.equals("charset")
                        || k.equals("collate") || k.equals("partition") || k.equals("order_by") || k.equals("auto_increment")) {
                    continue;
                }
                props.append(props.length() == 0 ? "" : ",\n").append("\"").append(k).append("\" = \"")
                        .append(e.getValue()).append('"');
            }
            if (props.length() > 0) {
                sb.append("\nPROPERTIES (\n").append(props).append("\n)");
            }
            return sb.toString();
        }
        sb.append(" ENGINE=Basalt");
        if (t.autoIncrementColumn() != null && nextAutoIncrement > 1) {
            sb.append(" AUTO_INCREMENT=").append(nextAutoIncrement);
        }
        sb.append(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        if (p.containsKey("comment")) {
            sb.append(" COMMENT=").append(stringLiteral(p.get("comment")));
        }
        return sb.toString();
    }

    static String view(ViewDef v) {
        StringBuilder sb = new StringBuilder("CREATE VIEW ").append(quote(v.name()));
        if (!v.columns().isEmpty()) {
            sb.append(" (").append(quoteList(v.columns())).append(')');
        }
        return sb.append(" AS ").append(v.query()).toString();
    }
}
