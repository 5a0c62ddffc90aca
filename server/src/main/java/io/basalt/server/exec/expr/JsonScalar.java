package io.basalt.server.exec.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.json.JsonText;

/**
 * A scalar whose value is a JSON document. It evaluates to MySQL's JSON text, and hands a JSON
 * function it is an argument of the value itself: Basalt has no JSON column type, so this is how
 * {@code JSON_ARRAY(JSON_OBJECT(...))} nests a document instead of quoting its text.
 */
final class JsonScalar implements Scalar {
    /** Computes the JSON value of a row; null for SQL NULL. */
    @FunctionalInterface
    interface JsonEval {
        JsonNode json(Object[] row, ExecContext ctx);
    }

    private final JsonEval eval;

    JsonScalar(JsonEval eval) {
        this.eval = eval;
    }

    JsonNode json(Object[] row, ExecContext ctx) {
        return eval.json(row, ctx);
    }

    @Override
    public Object eval(Object[] row, ExecContext ctx) {
        JsonNode n = eval.json(row, ctx);
        return n == null ? null : JsonText.format(n);
    }
}
