package dev.ftadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.input.FieldKind;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.report.JsonRenderer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps a CSV header row to the contract's proposal fields. A column is named after a field
 * ({@code model}, {@code budgetUsd}), a nested field with a dot ({@code dataset.tokens},
 * {@code training.loraRank}), or one of the short dataset names {@code tokens}, {@code examples},
 * {@code avgTokensPerExample}. Lists ({@code providers}, {@code training.loraTargets}) are separated by
 * {@code ;} or {@code |}. An empty cell means the field is absent. Each row is one physical line, so a
 * corrupt line only ever spoils itself. The row becomes a JSON object read by the same strict
 * {@link ProposalReader} as every other input.
 */
public final class CsvMapping {

    private static final CSVFormat ROW = CSVFormat.RFC4180.builder().setTrim(true).get();
    private static final Map<String, Column> KNOWN = known();

    /** Where a column goes: a top-level field or a field of {@code dataset} / {@code training}. */
    record Column(String parent, String field, FieldKind type) {
    }

    private final List<String> header;
    private final List<Column> columns;
    private final String headerProblem;
    private final String headerField;

    private CsvMapping(List<String> header, List<Column> columns, String headerField, String headerProblem) {
        this.header = header;
        this.columns = columns;
        this.headerField = headerField;
        this.headerProblem = headerProblem;
    }

    /** Reads the header line. An unknown column makes every row of the file an error record naming it. */
    public static CsvMapping of(String headerLine) {
        List<String> header = cells(headerLine == null ? "" : headerLine.replace("\uFEFF", ""));
        List<Column> columns = new ArrayList<>();
        for (String h : header) {
            Column c = KNOWN.get(h.toLowerCase(Locale.ROOT));
            if (c == null) {
                return new CsvMapping(header, columns, "header",
                        "unknown column '" + h + "' (expected columns named after proposal fields: "
                                + String.join(", ", new TreeSet<>(displayNames())) + ")");
            }
            columns.add(c);
        }
        if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
            return new CsvMapping(header, columns, "header", "empty header row: expected column names such as model,method,tokens,budgetUsd");
        }
        return new CsvMapping(header, columns, null, null);
    }

    public List<String> header() { return header; }

    /** The row's id cell, when the row is readable and has one (an invalid row still names itself). */
    String idOf(String line) {
        if (headerProblem != null) return null;
        int col = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).parent() == null && "id".equals(columns.get(i).field())) col = i;
        }
        if (col < 0) return null;
        try {
            List<String> cells = cells(line);
            return col < cells.size() && !cells.get(col).isEmpty() ? cells.get(col) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    ProposalInput toInput(String line) {
        if (headerProblem != null) throw new InputException(headerField, headerProblem);
        List<String> cells;
        try {
            cells = cells(line);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException("", "not valid CSV: " + e.getMessage());
        }
        if (cells.size() != columns.size()) {
            throw new InputException("", "expected " + columns.size() + " columns (" + String.join(",", header) + "), got " + cells.size());
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (v.isEmpty()) continue;
            Column c = columns.get(i);
            ObjectNode target = c.parent() == null ? root
                    : root.has(c.parent()) ? (ObjectNode) root.get(c.parent()) : root.putObject(c.parent());
            target.set(c.field(), value(c, header.get(i), v));
        }
        try {
            return ProposalReader.read(JsonRenderer.MAPPER.writeValueAsString(root), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode value(Column c, String column, String v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            return switch (c.type()) {
                case TEXT -> f.textNode(v);
                case NUMBER -> f.numberNode(Double.parseDouble(v));
                case WHOLE -> f.numberNode(Long.parseLong(v));
                case COUNT -> v.matches("[0-9.]+") ? f.numberNode(Double.parseDouble(v)) : f.textNode(v);
                case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> f.booleanNode(true);
                    case "false" -> f.booleanNode(false);
                    default -> throw new InputException(column, "expected true or false, got '" + v + "'");
                };
                case TEXT_LIST -> {
                    var array = f.arrayNode();
                    for (String s : v.split("[;|]")) {
                        if (!s.isBlank()) array.add(s.strip());
                    }
                    yield array;
                }
                case OBJECT -> throw new IllegalStateException("a nested object is not a column: " + column);
            };
        } catch (NumberFormatException e) {
            throw new InputException(column, "expected " + (c.type() == FieldKind.WHOLE ? "a whole number" : "a number") + ", got '" + v + "'");
        }
    }

    private static List<String> cells(String line) {
        try (CSVParser p = CSVParser.parse(line, ROW)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) return List.of();
            if (records.size() > 1) throw new IllegalStateException("more than one row on the line");
            return records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column names, derived from {@link ProposalInput}'s fields so the mapping follows the contract. */
    private static Map<String, Column> known() {
        Map<String, Column> m = new LinkedHashMap<>();
        add(m, null, ProposalInput.class);
        add(m, "dataset", ProposalInput.Dataset.class);
        add(m, "training", ProposalInput.Training.class);
        for (String shortName : List.of("tokens", "examples", "avgTokensPerExample")) {
            m.put(shortName.toLowerCase(Locale.ROOT), m.get(("dataset." + shortName).toLowerCase(Locale.ROOT)));
        }
        return m;
    }

    private static void add(Map<String, Column> m, String parent, Class<?> type) {
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            FieldKind t = FieldKind.of(f);
            if (t == FieldKind.OBJECT) continue; // the nested objects themselves: their fields are columns
            String name = parent == null ? f.getName() : parent + "." + f.getName();
            m.put(name.toLowerCase(Locale.ROOT), new Column(parent, f.getName(), t));
        }
    }

    static List<String> displayNames() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Column> e : KNOWN.entrySet()) {
            Column c = e.getValue();
            names.add(c.parent() == null ? c.field() : c.parent() + "." + c.field());
        }
        return names;
    }
}
