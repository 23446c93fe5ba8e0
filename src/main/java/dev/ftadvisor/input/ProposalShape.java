package dev.ftadvisor.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the JSON types of a proposal document against the fields of {@link ProposalInput} before any
 * value is bound, so that nothing is coerced: {@code "id": true} is not the string "true",
 * {@code "budgetUsd": " "} is not an absent budget, {@code [null]} is not a list of names. The expected
 * kind of each field is read from the declared Java types once, so a new field is checked without
 * another line here. Unknown fields are left to the reader, which names the known ones.
 */
final class ProposalShape {
    private record Slot(FieldKind kind, Map<String, Slot> fields) {
    }

    private static final Map<String, Slot> ROOT = fieldsOf(ProposalInput.class);

    private ProposalShape() {
    }

    static void check(JsonNode root) {
        checkObject("", root, ROOT);
    }

    private static void checkObject(String prefix, JsonNode node, Map<String, Slot> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Slot slot = fields.get(e.getKey());
            if (slot != null) checkValue(prefix + e.getKey(), e.getValue(), slot);
        }
    }

    private static void checkValue(String path, JsonNode v, Slot slot) {
        if (v == null || v.isNull()) return; // null is how JSON leaves a field out
        switch (slot.kind) {
            case TEXT -> {
                if (!v.isTextual()) throw wrong(path, "string", v);
            }
            case NUMBER, WHOLE -> {
                if (!v.isNumber()) throw wrong(path, "number", v);
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) throw wrong(path, "boolean", v);
            }
            case COUNT -> {
                if (!v.isNumber() && !v.isTextual()) throw wrong(path, "number", v);
            }
            case TEXT_LIST -> {
                if (!v.isArray()) throw wrong(path, "list", v);
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    if (item.isNull()) throw InputException.of(path + "[" + i + "]", "nullItem");
                    if (!item.isTextual()) throw wrong(path + "[" + i + "]", "string", item);
                }
            }
            case OBJECT -> {
                if (!v.isObject()) throw wrong(path, "object", v);
                checkObject(path + ".", v, slot.fields);
            }
        }
    }

    private static InputException wrong(String path, String expected, JsonNode got) {
        String actual = switch (got.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> got.isIntegralNumber() ? "number" : "decimal";
            case BOOLEAN -> "boolean";
            case ARRAY -> "list";
            case OBJECT -> "object";
            default -> "other";
        };
        Object shown = got.isTextual() ? "'" + got.asText() + "'" : got.isValueNode() ? got.toString() : new InputException.Word(actual);
        return InputException.of(path, "type", new InputException.Word(expected), shown);
    }

    private static Map<String, Slot> fieldsOf(Class<?> type) {
        Map<String, Slot> out = new LinkedHashMap<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            out.put(f.getName(), slotOf(f));
        }
        return Map.copyOf(out);
    }

    private static Slot slotOf(Field f) {
        FieldKind kind = FieldKind.of(f);
        return new Slot(kind, kind == FieldKind.OBJECT ? fieldsOf(f.getType()) : Map.of());
    }
}
