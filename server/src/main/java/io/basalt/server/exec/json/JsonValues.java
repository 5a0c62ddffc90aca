package io.basalt.server.exec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * JSON values as MySQL models them, on Jackson's tree: objects keep their keys in MySQL's order
 * (shorter keys first, then by UTF-8 bytes; a repeated key keeps its last value), integers too big
 * for BIGINT UNSIGNED become doubles, and SQL DATE, TIME and DATETIME values stay temporal.
 */
public final class JsonValues {
    /** The order MySQL stores object keys in, which is the order it prints them in. */
    public static final Comparator<String> KEY_ORDER = JsonValues::compareKeys;

    /** Builds trees with MySQL's key order and number ranges; Jackson's parser uses it too. */
    static final JsonNodeFactory FACTORY = new MysqlNodeFactory();

    private static final BigInteger UNSIGNED_BIGINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private JsonValues() {}

    /** A new, empty object whose keys stay in MySQL's order. */
    public static ObjectNode newObject() {
        return FACTORY.objectNode();
    }

    public static ArrayNode newArray() {
        return FACTORY.arrayNode();
    }

    /** The JSON value of an SQL value (JSON_ARRAY and JSON_OBJECT arguments); SQL NULL is JSON null. */
    public static JsonNode fromSql(Object v) {
        if (v == null) {
            return NullNode.getInstance();
        }
        if (v instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (v instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (v instanceof BigDecimal d) {
            return DecimalNode.valueOf(d);
        }
        if (v instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime) {
            return new POJONode(v);
        }
        return TextNode.valueOf(MysqlValues.toText(v));
    }

    /** JSON_TYPE's name for a value. */
    public static String typeName(JsonNode n) {
        return switch (n.getNodeType()) {
            case OBJECT -> "OBJECT";
            case ARRAY -> "ARRAY";
            case STRING -> "STRING";
            case BOOLEAN -> "BOOLEAN";
            case NULL -> "NULL";
            case NUMBER -> {
                if (n.isBigInteger()) {
                    yield n.bigIntegerValue().signum() >= 0 ? "UNSIGNED INTEGER" : "INTEGER";
                }
                yield n.isIntegralNumber() ? "INTEGER" : n.isBigDecimal() ? "DECIMAL" : "DOUBLE";
            }
            case POJO -> {
                Object v = ((POJONode) n).getPojo();
                yield v instanceof LocalDate ? "DATE" : v instanceof LocalTime ? "TIME" : "DATETIME";
            }
            default -> "OPAQUE";
        };
    }

    private static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** Jackson's node factory with MySQL's object key order and number ranges. */
    private static final class MysqlNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new TreeMap<>(KEY_ORDER));
        }

        @Override
        public ValueNode numberNode(BigInteger v) {
            // MySQL keeps integers up to BIGINT UNSIGNED; beyond that a number is a double.
            if (v.signum() >= 0 && v.compareTo(UNSIGNED_BIGINT_MAX) <= 0) {
                return super.numberNode(v);
            }
            return numberNode(v.doubleValue());
        }

        @Override
        public DoubleNode numberNode(double v) {
            if (Double.isInfinite(v)) {
                throw new NumberTooBigException();
            }
            return DoubleNode.valueOf(v);
        }
    }

    /** A JSON number outside the range of a double, which MySQL rejects. */
    static final class NumberTooBigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NumberTooBigException() {
            super("Number too big to be stored in double.", null, false, false);
        }
    }
}
