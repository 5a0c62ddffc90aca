package io.basalt.server.exec.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A MySQL JSON path: {@code $} followed by legs {@code .key}, {@code ."quoted key"}, {@code .*},
 * {@code [n]}, {@code [last]}, {@code [last-n]}, {@code [m to n]}, {@code [*]} and {@code **}.
 * Reading a path gives every value it selects, in document order. As in MySQL, an array leg
 * applied to a value that is not an array treats the value as a one-element array.
 */
public final class JsonPath {
    private sealed interface Leg permits Member, AnyMember, Cells, AnyCell, Descendants {}

    private record Member(String name) implements Leg {}

    private record AnyMember() implements Leg {}

    /** One cell ({@code range} false, {@code from} == {@code to}) or a range of cells. */
    private record Cells(Index from, Index to, boolean range) implements Leg {}

    private record AnyCell() implements Leg {}

    private record Descendants() implements Leg {}

    /** An array index counted from the start, or from the last element ({@code last-n}). */
    private record Index(boolean fromLast, long offset) {
        long resolve(int size) {
            return fromLast ? size - 1 - offset : offset;
        }
    }

    private final String text;
    private final List<Leg> legs;
    private final boolean canMatchMany;

    private JsonPath(String text, List<Leg> legs) {
        this.text = text;
        this.legs = List.copyOf(legs);
        this.canMatchMany = legs.stream().anyMatch(l -> !(l instanceof Member) && !(l instanceof Cells c && !c.range()));
    }

    /**
     * Parses path text.
     *
     * @throws BasaltException INVALID_JSON_PATH, with the position MySQL reports
     */
    public static JsonPath parse(String text) {
        return new Parser(text).path();
    }

    /** True when the path has a wildcard, {@code **} or a range, so it may select several values. */
    public boolean canMatchMany() {
        return canMatchMany;
    }

    /** Every value the path selects in {@code root}, in document order; empty when none. */
    public List<JsonNode> seek(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Leg leg : legs) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                step(leg, n, next);
            }
            if (next.isEmpty()) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static void step(Leg leg, JsonNode n, List<JsonNode> out) {
        if (leg instanceof Member m) {
            JsonNode v = n.isObject() ? n.get(m.name()) : null;
            if (v != null) {
                out.add(v);
            }
        } else if (leg instanceof AnyMember) {
            if (n.isObject()) {
                n.forEach(out::add);
            }
        } else if (leg instanceof AnyCell) {
            if (n.isArray()) {
                n.forEach(out::add);
            }
        } else if (leg instanceof Cells c) {
            int size = n.isArray() ? n.size() : 1;
            long from = c.from().resolve(size);
            long to = c.to().resolve(size);
            if (c.range()) {
                from = Math.max(0, from);
                to = Math.min(size - 1, to);
            }
            for (long i = Math.max(0, from); i <= to && i < size; i++) {
                out.add(n.isArray() ? n.get((int) i) : n);
            }
        } else {
            addWithDescendants(n, out);
        }
    }

    private static void addWithDescendants(JsonNode n, List<JsonNode> out) {
        out.add(n);
        if (n.isContainerNode()) {
            for (JsonNode child : n) {
                addWithDescendants(child, out);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** A recursive-descent reader of path text; whitespace may separate the tokens. */
    private static final class Parser {
        private static final long MAX_INDEX = 0xFFFFFFFFL;

        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        JsonPath path() {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '$') {
                throw error(i);
            }
            i++;
            List<Leg> legs = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= s.length()) {
                    break;
                }
                char c = s.charAt(i);
                if (c == '.') {
                    i++;
                    skipSpace();
                    legs.add(member());
                } else if (c == '[') {
                    i++;
                    legs.add(cells());
                } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    i += 2;
                    legs.add(new Descendants());
                } else {
                    throw error(i);
                }
            }
            if (!legs.isEmpty() && legs.get(legs.size() - 1) instanceof Descendants) {
                // A path may not end with **.
                throw error(s.length());
            }
            return new JsonPath(s, legs);
        }

        private Leg member() {
            if (i >= s.length()) {
                throw error(i);
            }
            char c = s.charAt(i);
            if (c == '*') {
                i++;
                return new AnyMember();
            }
            if (c == '"') {
                int start = i;
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= s.length()) {
                    throw error(start);
                }
                i = j + 1;
                JsonNode name;
                try {
                    name = JsonText.parse(s.substring(start, i), 1, "json_path");
                } catch (BasaltException e) {
                    throw error(start);
                }
                return new Member(name.textValue());
            }
            int start = i;
            while (i < s.length() && !isMemberEnd(s.charAt(i))) {
                i++;
            }
            String name = s.substring(start, i);
            if (!isEcmaScriptIdentifier(name)) {
                throw error(start);
            }
            return new Member(name);
        }

        private Leg cells() {
            skipSpace();
            if (i < s.length() && s.charAt(i) == '*') {
                i++;
                expectClose();
                return new AnyCell();
            }
            int start = i;
            Index from = index();
            skipSpace();
            if (s.startsWith("to", i)) {
                i += 2;
                skipSpace();
                Index to = index();
                if (from.fromLast() == to.fromLast() && (from.fromLast() ? from.offset() < to.offset() : from.offset() > to.offset())) {
                    throw error(start);
                }
                expectClose();
                return new Cells(from, to, true);
            }
            expectClose();
            return new Cells(from, from, false);
        }

        private Index index() {
            if (s.startsWith("last", i)) {
                i += 4;
                skipSpace();
                if (i < s.length() && s.charAt(i) == '-') {
                    i++;
                    skipSpace();
                    return new Index(true, number());
                }
                return new Index(true, 0);
            }
            return new Index(false, number());
        }

        private long number() {
            int start = i;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                if (v > MAX_INDEX) {
                    throw error(start);
                }
                i++;
            }
            if (i == start) {
                throw error(start);
            }
            return v;
        }

        private void expectClose() {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != ']') {
                throw error(i);
            }
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private static boolean isMemberEnd(char c) {
            return c == '.' || c == '[' || c == '*' || Character.isWhitespace(c);
        }

        /** ECMAScript IdentifierName: what may follow a '.' without quotes. */
        private static boolean isEcmaScriptIdentifier(String name) {
            if (name.isEmpty()) {
                return false;
            }
            for (int k = 0; k < name.length(); ) {
                int cp = name.codePointAt(k);
                boolean ok = switch (Character.getType(cp)) {
                    case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                            Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER -> true;
                    case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                            Character.CONNECTOR_PUNCTUATION -> k > 0;
                    default -> cp == '$' || cp == '_' || (k > 0 && (cp == 0x200C || cp == 0x200D));
                };
                if (!ok) {
                    return false;
                }
                k += Character.charCount(cp);
            }
            return true;
        }

        private static BasaltException error(int at) {
            return BasaltException.of(ErrorCode.INVALID_JSON_PATH,
                    "Invalid JSON path expression. The error is around character position %d.", at);
        }
    }
}
