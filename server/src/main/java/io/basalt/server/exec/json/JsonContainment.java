package io.basalt.server.exec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON_CONTAINS as MySQL decides it: an object contains an object whose every member it contains;
 * an array contains a value (or every element of an array) found among its own elements, where
 * scalars are compared with the array's scalar elements and arrays and objects are searched for
 * in its array and object elements; two scalars contain each other when they are equal.
 */
public final class JsonContainment {
    private JsonContainment() {}

    /** Whether {@code target} contains {@code candidate}. */
    public static boolean contains(JsonNode target, JsonNode candidate) {
        if (target.isObject()) {
            if (!candidate.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = candidate.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = target.get(e.getKey());
                if (v == null || !contains(v, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (target.isArray()) {
            if (!candidate.isArray()) {
                return arrayHas(target, candidate);
            }
            for (JsonNode c : candidate) {
                if (!arrayHas(target, c)) {
                    return false;
                }
            }
            return true;
        }
        return !candidate.isContainerNode() && scalarsEqual(target, candidate);
    }

    private static boolean arrayHas(JsonNode array, JsonNode candidate) {
        boolean scalar = !candidate.isContainerNode();
        for (JsonNode e : array) {
            if (scalar ? !e.isContainerNode() && scalarsEqual(e, candidate) : e.isContainerNode() && contains(e, candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * JSON equality of two scalars: numbers by value whatever their kind (1 = 1.0), strings by
     * their characters (JSON strings compare case-sensitively), other kinds only with themselves.
     */
    public static boolean scalarsEqual(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return number(a).compareTo(number(b)) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isPojo()) {
            return ((POJONode) a).getPojo().equals(((POJONode) b).getPojo());
        }
        return a.equals(b);
    }

    private static BigDecimal number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return new BigDecimal(n.bigIntegerValue());
        }
        if (n.isBigDecimal()) {
            return n.decimalValue();
        }
        return new BigDecimal(n.doubleValue());
    }
}
