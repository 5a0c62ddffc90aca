package io.basalt.server.exec.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.text.MysqlText;
import io.basalt.server.exec.value.Temporals;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text in and out, as MySQL writes it: {@code {"a": 1, "b": [1, 2]}} with a space after
 * each colon and comma, doubles always with a fraction or exponent ({@code 100.0}), and invalid
 * text rejected with MySQL's error 3141 and its parser's wording of the problem.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = JsonMapper.builder().nodeFactory(JsonValues.FACTORY).build();

    private JsonText() {}

    /**
     * Parses JSON text given as argument {@code argNumber} (1-based) of {@code function}.
     *
     * @throws BasaltException INVALID_JSON_TEXT_IN_PARAM when the text is not JSON
     */
    public static JsonNode parse(String text, int argNumber, String function) {
        Problem p = tryParse(text);
        if (p.node != null) {
            return p.node;
        }
        throw BasaltException.of(ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument %d to function %s: \"%s\" at position %d.",
                argNumber, function, p.reason, p.position);
    }

    /** JSON_VALID: whether the text is one JSON value. */
    public static boolean isValid(String text) {
        return tryParse(text).node != null;
    }

    private record Problem(JsonNode node, String reason, long position) {}

    private static Problem tryParse(String text) {
        int start = skipSpace(text, 0);
        if (start == text.length()) {
            return new Problem(null, "The document is empty.", text.length());
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            int end = (int) parser.currentLocation().getCharOffset();
            int rest = skipSpace(text, Math.max(0, Math.min(end, text.length())));
            if (rest < text.length()) {
                return new Problem(null, "The document root must not be followed by other values.", rest);
            }
            return new Problem(node, null, 0);
        } catch (JsonValues.NumberTooBigException e) {
            return new Problem(null, e.getMessage(), start);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof JsonValues.NumberTooBigException) {
                return new Problem(null, e.getCause().getMessage(), start);
            }
            return new Problem(null, reason(e.getOriginalMessage()), position(e, text));
        } catch (IOException e) {
            return new Problem(null, "Invalid value.", start);
        }
    }

    /** Jackson's description of a syntax error in the words of MySQL's parser (rapidjson). */
    private static String reason(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.contains("close marker for Object") || m.contains("comma to separate Object entries")) {
            return "Missing a comma or '}' after an object member.";
        }
        if (m.contains("close marker for Array") || m.contains("comma to separate Array entries")) {
            return "Missing a comma or ']' after an array element.";
        }
        if (m.contains("colon to separate field name") || m.contains("within/between Object entries")) {
            return "Missing a colon after a name of object member.";
        }
        if (m.contains("double-quote to start field name")) {
            return "Missing a name for object member.";
        }
        if (m.contains("closing quote for a string value")) {
            return "Missing a closing quotation mark in string.";
        }
        if (m.contains("character escape") || m.contains("escape sequence")) {
            return "Invalid escape character in string.";
        }
        if (m.contains("Illegal unquoted character")) {
            return "Invalid encoding in string.";
        }
        return "Invalid value.";
    }

    /** Where the problem starts: Jackson reports the end of an unrecognized token, MySQL its start. */
    private static long position(JsonProcessingException e, String text) {
        JsonLocation at = e.getLocation();
        long offset = at == null ? 0 : Math.max(0, at.getCharOffset());
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Unrecognized token '")) {
            int close = m.indexOf('\'', "Unrecognized token '".length());
            if (close > 0) {
                offset -= close - "Unrecognized token '".length();
            }
        }
        return Math.max(0, Math.min(offset, text.length()));
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** MySQL's text for a JSON value. */
    public static String format(JsonNode n) {
        StringBuilder out = new StringBuilder();
        write(out, n);
        return out.toString();
    }

    /** JSON_UNQUOTE of a JSON value: a string's contents, anything else as JSON text. */
    public static String unquoted(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isPojo()) {
            return temporalText(((POJONode) n).getPojo());
        }
        return format(n);
    }

    /**
     * JSON_UNQUOTE of text: text in double quotes is read as a JSON string, anything else is
     * returned as it is.
     */
    public static String unquote(String text, String function) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        return parse(text, 1, function).textValue();
    }

    /** JSON_QUOTE: the JSON string literal for {@code s}. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                boolean first = true;
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    appendQuoted(out, e.getKey());
                    out.append(": ");
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(out, n.get(i));
                }
                out.append(']');
            }
            case STRING -> appendQuoted(out, n.textValue());
            case NUMBER -> appendNumber(out, n);
            case BOOLEAN -> out.append(n.booleanValue() ? "true" : "false");
            case POJO -> appendQuoted(out, temporalText(((POJONode) n).getPojo()));
            default -> out.append("null");
        }
    }

    private static void appendNumber(StringBuilder out, JsonNode n) {
        if (n.isBigInteger()) {
            out.append(n.bigIntegerValue().toString());
        } else if (n.isIntegralNumber()) {
            out.append(n.longValue());
        } else if (n.isBigDecimal()) {
            out.append(n.decimalValue().toPlainString());
        } else {
            int from = out.length();
            MysqlText.appendDouble(out, n.doubleValue());
            // MySQL prints a JSON double so it reads back as a double: 100 becomes 100.0.
            boolean plain = true;
            for (int i = from; i < out.length(); i++) {
                char c = out.charAt(i);
                plain &= c != '.' && c != 'e' && c != 'E';
            }
            if (plain) {
                out.append(".0");
            }
        }
    }

    /** DATETIME and TIME values in JSON carry six fractional digits, as MySQL prints them. */
    private static String temporalText(Object v) {
        if (v instanceof LocalDateTime t) {
            return Temporals.formatDateTime(t, 6);
        }
        if (v instanceof LocalTime t) {
            return Temporals.formatTime(t, 6);
        }
        if (v instanceof LocalDate d) {
            return Temporals.formatDate(d);
        }
        return String.valueOf(v);
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
