package io.basalt.tests.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the sqllogictest script format (https://www.sqlite.org/sqllogictest/doc/trunk/about.wiki).
 *
 * <p>Records are separated by blank lines; lines starting with {@code #} between records are comments.
 * Some corpus files use CRLF line ends, so a trailing CR is dropped from every line.
 */
public final class SltParser {

    private final String source;
    private final List<String> lines;
    private int pos;

    private SltParser(String source, String text) {
        this.source = source;
        String[] split = text.split("\n", -1);
        this.lines = new ArrayList<>(split.length);
        for (String l : split) {
            lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
    }

    /** Parses a script file. */
    public static List<SltRecord> parse(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses script text; {@code source} names it in error messages. */
    public static List<SltRecord> parse(String source, String text) {
        return new SltParser(source, text).records();
    }

    private List<SltRecord> records() {
        List<SltRecord> records = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (conditions.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
                pos++;
                continue;
            }
            int lineNo = pos + 1;
            String[] tokens = line.trim().split("\\s+");
            pos++;
            switch (tokens[0]) {
                case "skipif", "onlyif" -> {
                    require(tokens.length >= 2, lineNo, "missing engine name");
                    conditions.add(new Condition(tokens[0].equals("onlyif"), tokens[1]));
                    continue;
                }
                case "statement" -> {
                    require(tokens.length >= 2 && (tokens[1].equals("ok") || tokens[1].equals("error")),
                            lineNo, "expected 'statement ok' or 'statement error'");
                    String sql = String.join("\n", readUntil(false));
                    require(!sql.isBlank(), lineNo, "statement without SQL");
                    records.add(new SltRecord.Statement(lineNo, conditions, tokens[1].equals("error"), sql));
                }
                case "query" -> {
                    require(tokens.length >= 2, lineNo, "query without a type string");
                    SortMode sort = tokens.length >= 3 ? SortMode.parse(tokens[2]) : SortMode.NOSORT;
                    String label = tokens.length >= 4 ? tokens[3] : null;
                    List<String> sqlLines = readUntil(true);
                    require(!sqlLines.isEmpty(), lineNo, "query without SQL");
                    List<String> expected = List.of();
                    if (pos < lines.size() && lines.get(pos).equals("----")) {
                        pos++;
                        expected = readUntil(false);
                    }
                    records.add(new SltRecord.Query(lineNo, conditions, tokens[1], sort, label,
                            String.join("\n", sqlLines), expected));
                }
                case "hash-threshold" -> {
                    require(tokens.length >= 2, lineNo, "hash-threshold without a number");
                    records.add(new SltRecord.HashThreshold(lineNo, conditions, Integer.parseInt(tokens[1])));
                }
                case "halt" -> records.add(new SltRecord.Halt(lineNo, conditions));
                default -> throw new IllegalArgumentException(
                        source + ":" + lineNo + ": unknown record type: " + line);
            }
            conditions = new ArrayList<>();
        }
        if (!conditions.isEmpty()) {
            throw new IllegalArgumentException(source + ": guard at end of file without a record");
        }
        return records;
    }

    /** Reads lines up to a blank line (consumed) or EOF, or up to a {@code ----} line (not consumed). */
    private List<String> readUntil(boolean stopAtSeparator) {
        List<String> out = new ArrayList<>();
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (line.isBlank()) {
                pos++;
                break;
            }
            if (stopAtSeparator && line.equals("----")) {
                break;
            }
            out.add(line);
            pos++;
        }
        return out;
    }

    private void require(boolean condition, int lineNo, String message) {
        if (!condition) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": " + message);
        }
    }
}
