package io.basalt.server.exec.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.json.JsonContainment;
import io.basalt.server.exec.json.JsonPath;
import io.basalt.server.exec.json.JsonText;
import io.basalt.server.exec.json.JsonValues;
import io.basalt.server.exec.value.MysqlValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * MySQL's JSON functions over text: documents are strings (Basalt has no JSON column type), parsed
 * per row unless they are literals, which are parsed once, or the value of a nested JSON function,
 * which is passed on without printing and parsing it again ({@link JsonScalar}). Any NULL argument
 * gives NULL, except for JSON_ARRAY and JSON_OBJECT values, where it is JSON null.
 */
final class JsonFunctions {
    private JsonFunctions() {}

    /** Reads one argument per row: a JSON document, a path, or null for SQL NULL. */
    @FunctionalInterface
    private interface Arg<T> {
        T read(Object[] row, ExecContext ctx);
    }

    static Scalar compile(String n, List<Scalar> args, List<RexNode> operands) {
        String fn = n.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "JSON_EXTRACT" -> extract(args, operands, fn);
            case "JSON_UNQUOTE" -> unquote(args.get(0), fn);
            case "JSON_VALID" -> valid(args.get(0));
            case "JSON_OBJECT" -> object(args, fn);
            case "JSON_ARRAY" -> array(args);
            case "JSON_LENGTH" -> length(args, operands, fn);
            case "JSON_KEYS" -> keys(args, operands, fn);
            case "JSON_TYPE" -> {
                Arg<JsonNode> doc = document(args, operands, 0, fn);
                yield (row, ctx) -> {
                    JsonNode d = doc.read(row, ctx);
                    return d == null ? null : JsonValues.typeName(d);
                };
            }
            case "JSON_QUOTE" -> Functions.unary(args.get(0), v -> JsonText.quote(MysqlValues.toText(v)));
            case "JSON_CONTAINS" -> contains(args, operands, fn);
            case "JSON_CONTAINS_PATH" -> containsPath(args, operands, fn);
            default -> null;
        };
    }

    /** JSON_EXTRACT(doc, path[, path...]), also {@code doc->path}: one value, or an array of all matches. */
    private static Scalar extract(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> doc = document(args, operands, 0, fn);
        List<Arg<JsonPath>> paths = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            paths.add(path(args, operands, i, true, fn));
        }
        return new JsonScalar((row, ctx) -> {
            JsonNode d = doc.read(row, ctx);
            if (d == null) {
                return null;
            }
            if (paths.size() == 1) {
                JsonPath p = paths.get(0).read(row, ctx);
                if (p == null) {
                    return null;
                }
                List<JsonNode> found = p.seek(d);
                if (!p.canMatchMany()) {
                    return found.isEmpty() ? null : found.get(0);
                }
                return found.isEmpty() ? null : JsonValues.newArray().addAll(found);
            }
            ArrayNode all = JsonValues.newArray();
            for (Arg<JsonPath> path : paths) {
                JsonPath p = path.read(row, ctx);
                if (p == null) {
                    return null;
                }
                all.addAll(p.seek(d));
            }
            return all.isEmpty() ? null : all;
        });
    }

    /** JSON_UNQUOTE(json), also the unquoting half of {@code doc->>path}. */
    private static Scalar unquote(Scalar arg, String fn) {
        if (arg instanceof JsonScalar json) {
            return (row, ctx) -> {
                JsonNode n = json.json(row, ctx);
                return n == null ? null : JsonText.unquoted(n);
            };
        }
        return Functions.unary(arg, v -> JsonText.unquote(MysqlValues.toText(v), fn));
    }

    /** JSON_VALID(val): 1 for JSON text (or a JSON value), 0 for anything else. */
    private static Scalar valid(Scalar arg) {
        if (arg instanceof JsonScalar json) {
            return (row, ctx) -> json.json(row, ctx) == null ? null : 1L;
        }
        return Functions.unary(arg, v -> isText(v) && JsonText.isValid(MysqlValues.toText(v)) ? 1L : 0L);
    }

    /** JSON_OBJECT(key, value, ...): keys may not be NULL; a repeated key keeps its last value. */
    private static Scalar object(List<Scalar> args, String fn) {
        if (args.size() % 2 != 0) {
            throw BasaltException.of(ErrorCode.WRONG_PARAMETER_COUNT,
                    "Incorrect parameter count in the call to native function '%s'", fn);
        }
        List<Arg<JsonNode>> values = values(args);
        return new JsonScalar((row, ctx) -> {
            ObjectNode o = JsonValues.newObject();
            for (int i = 0; i < args.size(); i += 2) {
                Object key = args.get(i).eval(row, ctx);
                if (key == null) {
                    throw new BasaltException(ErrorCode.JSON_DOCUMENT_NULL_KEY, "JSON documents may not contain NULL member names.");
                }
                o.set(MysqlValues.toText(key), values.get(i + 1).read(row, ctx));
            }
            return o;
        });
    }

    /** JSON_ARRAY(value, ...). */
    private static Scalar array(List<Scalar> args) {
        List<Arg<JsonNode>> values = values(args);
        return new JsonScalar((row, ctx) -> {
            ArrayNode a = JsonValues.newArray();
            for (Arg<JsonNode> v : values) {
                a.add(v.read(row, ctx));
            }
            return a;
        });
    }

    /** JSON_LENGTH(doc[, path]): members of an object, elements of an array, 1 for a scalar. */
    private static Scalar length(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> target = target(args, operands, fn);
        return (row, ctx) -> {
            JsonNode n = target.read(row, ctx);
            return n == null ? null : (long) (n.isContainerNode() ? n.size() : 1);
        };
    }

    /** JSON_KEYS(doc[, path]): the keys of an object as a JSON array; NULL for anything else. */
    private static Scalar keys(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> target = target(args, operands, fn);
        return new JsonScalar((row, ctx) -> {
            JsonNode n = target.read(row, ctx);
            if (n == null || !n.isObject()) {
                return null;
            }
            ArrayNode keys = JsonValues.newArray();
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) {
                keys.add(TextNode.valueOf(it.next()));
            }
            return keys;
        });
    }

    /** JSON_CONTAINS(target, candidate[, path]). */
    private static Scalar contains(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> target = document(args, operands, 0, fn);
        Arg<JsonNode> candidate = document(args, operands, 1, fn);
        Arg<JsonPath> path = args.size() > 2 ? path(args, operands, 2, false, fn) : null;
        return (row, ctx) -> {
            JsonNode t = target.read(row, ctx);
            JsonNode c = candidate.read(row, ctx);
            if (t == null || c == null) {
                return null;
            }
            if (path != null) {
                JsonPath p = path.read(row, ctx);
                if (p == null) {
                    return null;
                }
                List<JsonNode> found = p.seek(t);
                if (found.isEmpty()) {
                    return null;
                }
                t = found.get(0);
            }
            return JsonContainment.contains(t, c) ? 1L : 0L;
        };
    }

    /** JSON_CONTAINS_PATH(doc, 'one'|'all', path, ...): whether one (or all) of the paths select a value. */
    private static Scalar containsPath(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> doc = document(args, operands, 0, fn);
        Scalar oneOrAll = args.get(1);
        List<Arg<JsonPath>> paths = new ArrayList<>();
        for (int i = 2; i < args.size(); i++) {
            paths.add(path(args, operands, i, true, fn));
        }
        String constant = Functions.literalString(operands.get(1));
        if (constant != null) {
            wantsAll(constant);
        }
        return (row, ctx) -> {
            JsonNode d = doc.read(row, ctx);
            Object mode = oneOrAll.eval(row, ctx);
            if (d == null || mode == null) {
                return null;
            }
            boolean all = wantsAll(MysqlValues.toText(mode));
            boolean result = all;
            for (Arg<JsonPath> path : paths) {
                JsonPath p = path.read(row, ctx);
                if (p == null) {
                    return null;
                }
                boolean found = !p.seek(d).isEmpty();
                if (all && !found) {
                    result = false;
                } else if (!all && found) {
                    result = true;
                }
            }
            return result ? 1L : 0L;
        };
    }

    private static boolean wantsAll(String oneOrAll) {
        if (oneOrAll.equalsIgnoreCase("all")) {
            return true;
        }
        if (oneOrAll.equalsIgnoreCase("one")) {
            return false;
        }
        throw new BasaltException(ErrorCode.JSON_BAD_ONE_OR_ALL_ARG,
                "The oneOrAll argument to json_contains_path may take these values: 'one' or 'all'.");
    }

    // ---- arguments --------------------------------------------------------------------------

    /** The document of JSON_LENGTH and JSON_KEYS, or the value their optional path selects. */
    private static Arg<JsonNode> target(List<Scalar> args, List<RexNode> operands, String fn) {
        Arg<JsonNode> doc = document(args, operands, 0, fn);
        if (args.size() < 2) {
            return doc;
        }
        Arg<JsonPath> path = path(args, operands, 1, false, fn);
        return (row, ctx) -> {
            JsonNode d = doc.read(row, ctx);
            if (d == null) {
                return null;
            }
            JsonPath p = path.read(row, ctx);
            if (p == null) {
                return null;
            }
            List<JsonNode> found = p.seek(d);
            return found.isEmpty() ? null : found.get(0);
        };
    }

    /** Argument {@code i} as a JSON document: a nested JSON value as it is, text parsed, a literal parsed once. */
    private static Arg<JsonNode> document(List<Scalar> args, List<RexNode> operands, int i, String fn) {
        Scalar s = args.get(i);
        if (s instanceof JsonScalar json) {
            return json::json;
        }
        int argNumber = i + 1;
        RexNode operand = operands.get(i);
        if (operand instanceof RexLiteral lit && !lit.isNull() && SqlTypeUtil.inCharFamily(lit.getType())) {
            JsonNode constant = JsonText.parse(MysqlValues.toText(Literals.value(lit)), argNumber, fn);
            return (row, ctx) -> constant;
        }
        return (row, ctx) -> {
            Object v = s.eval(row, ctx);
            if (v == null) {
                return null;
            }
            if (!isText(v)) {
                throw BasaltException.of(ErrorCode.INVALID_TYPE_FOR_JSON,
                        "Invalid data type for JSON data in argument %d to function %s; a JSON string or JSON type is required.",
                        argNumber, fn);
            }
            return JsonText.parse(MysqlValues.toText(v), argNumber, fn);
        };
    }

    /** Argument {@code i} as a path; a literal is parsed once. Wildcards are refused unless allowed. */
    private static Arg<JsonPath> path(List<Scalar> args, List<RexNode> operands, int i, boolean wildcards, String fn) {
        String constant = Functions.literalString(operands.get(i));
        if (constant != null) {
            JsonPath p = checked(JsonPath.parse(constant), wildcards);
            return (row, ctx) -> p;
        }
        Scalar s = args.get(i);
        return (row, ctx) -> {
            Object v = s.eval(row, ctx);
            return v == null ? null : checked(JsonPath.parse(MysqlValues.toText(v)), wildcards);
        };
    }

    private static JsonPath checked(JsonPath p, boolean wildcards) {
        if (!wildcards && p.canMatchMany()) {
            throw new BasaltException(ErrorCode.INVALID_JSON_PATH_WILDCARD,
                    "In this situation, path expressions may not contain the * and ** tokens or an array range.");
        }
        return p;
    }

    /** JSON_ARRAY and JSON_OBJECT values: nested JSON as it is, SQL values converted, NULL as JSON null. */
    private static List<Arg<JsonNode>> values(List<Scalar> args) {
        List<Arg<JsonNode>> out = new ArrayList<>(args.size());
        for (Scalar s : args) {
            if (s instanceof JsonScalar json) {
                out.add((row, ctx) -> {
                    JsonNode n = json.json(row, ctx);
                    return n == null ? JsonValues.fromSql(null) : n;
                });
            } else {
                out.add((row, ctx) -> JsonValues.fromSql(s.eval(row, ctx)));
            }
        }
        return out;
    }

    private static boolean isText(Object v) {
        return v instanceof String || v instanceof byte[];
    }
}
