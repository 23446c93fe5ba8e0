package dev.ftadvisor.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.yaml.snakeyaml.LoaderOptions;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict reading of a proposal document: unknown fields, wrong types and duplicate keys are errors
 * that name the field (and the line, when the parser knows it). Numbers are never read from strings
 * except the dataset sizes, which accept {@code 20M}-style counts.
 */
public final class ProposalReader {
    /*
     * Limits on what the parsers build, checked while parsing (the byte size is checked before, in
     * ProposalText): no field of a proposal is longer than a few hundred characters or nested deeper
     * than three levels.
     */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(64 * 1024).maxNestingDepth(16).maxNumberLength(64).maxDocumentLength(ProposalText.MAX_BYTES).build();
    private static final ObjectMapper JSON = configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build()).build());
    private static final ObjectMapper YAML = configure(new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(yamlLimits()).streamReadConstraints(LIMITS).build()));
    /** The only way a number is written in a proposal: decimal, as JSON writes it (YAML's 0x800, 0o17, 1_000, .inf are not). */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static LoaderOptions yamlLimits() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(ProposalText.MAX_BYTES);
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(10);
        o.setNestingDepthLimit(16);
        return o;
    }

    private ProposalReader() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        m.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        m.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        m.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    /** Reads JSON (or YAML when {@code yaml}); the text is one proposal object. */
    public static ProposalInput read(String text, boolean yaml) {
        ObjectMapper mapper = yaml ? YAML : JSON;
        if (text == null || text.isBlank()) {
            throw new InputException("", "empty input: expected a proposal object such as {\"model\": \"llama-3-8b\", \"method\": \"lora\"}");
        }
        try {
            if (yaml) checkYamlScalars(text);
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InputException("", "expected a proposal object ({...}), got " + describe(node));
            }
            ProposalShape.check(node);
            return mapper.treeToValue(node, ProposalInput.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw InputException.of(path(e), "unknownField", e.getPropertyName(), known);
        } catch (InvalidFormatException e) {
            throw InputException.of(path(e), "type", typeName(e.getTargetType()), quote(e.getValue()));
        } catch (MismatchedInputException e) {
            throw InputException.of(path(e), "type", typeName(e.getTargetType()), tokenName(e.getMessage()));
        } catch (JsonMappingException e) {
            throw new InputException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InputException(where, "not valid " + (yaml ? "YAML" : "JSON") + ": " + oneLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new InputException("", "cannot read: " + oneLine(e.getMessage()));
        }
    }

    /**
     * YAML resolves {@code 0x800}, {@code 1_000} or {@code yes} to numbers and booleans that JSON would
     * not: a proposal's numbers are decimal and its booleans true or false, in both formats alike.
     */
    private static void checkYamlScalars(String text) throws java.io.IOException {
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    if (!DECIMAL.matcher(p.getText()).matches()) {
                        throw InputException.of(location(p), "notDecimal", p.getText());
                    }
                } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    String b = p.getText();
                    if (!"true".equals(b) && !"false".equals(b)) throw InputException.of(location(p), "notBoolean", b);
                }
            }
        }
    }

    /** The field a YAML value belongs to, as a dotted path (what the other errors name). */
    private static String location(JsonParser p) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]" : c.getCurrentName();
            if (part != null) parts.push(part);
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (sb.length() > 0 && !part.startsWith("[")) sb.append('.');
            sb.append(part);
        }
        return sb.toString();
    }

    /**
     * A parser's message on one line: SnakeYAML's span several, with the offending source line and a
     * caret under it (the line and column are already given); Jackson's add a source excerpt.
     */
    static String oneLine(String message) {
        if (message == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || line.startsWith(" ") || l.startsWith("^") || l.startsWith("in 'reader'") || l.startsWith("at [Source")) continue;
            if (sb.length() > 0) sb.append("; ");
            sb.append(l);
        }
        return sb.length() == 0 ? message.strip().replaceAll("\\s+", " ") : sb.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static InputException.Word typeName(Class<?> t) {
        if (t == null) return new InputException.Word("value");
        if (t == Integer.class || t == int.class || t == Long.class) return new InputException.Word("integer");
        if (t == Double.class || t == double.class) return new InputException.Word("number");
        if (t == Boolean.class || t == boolean.class) return new InputException.Word("boolean");
        if (t == String.class) return new InputException.Word("string");
        if (java.util.List.class.isAssignableFrom(t)) return new InputException.Word("list");
        return new InputException.Word("object");
    }

    private static InputException.Word tokenName(String message) {
        if (message == null) return new InputException.Word("other");
        String m = message.toLowerCase();
        if (m.contains("string value") || m.contains("from string")) return new InputException.Word("string");
        if (m.contains("floating-point") || m.contains("float")) return new InputException.Word("decimal");
        if (m.contains("integer") || m.contains("int value")) return new InputException.Word("number");
        if (m.contains("boolean")) return new InputException.Word("boolean");
        if (m.contains("start_array") || m.contains("array")) return new InputException.Word("list");
        if (m.contains("start_object") || m.contains("object")) return new InputException.Word("object");
        if (m.contains("null")) return new InputException.Word("null");
        return new InputException.Word("other");
    }

    private static String quote(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    private static String describe(JsonNode node) {
        if (node == null) return "nothing";
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "a string";
        return node.getNodeType().toString().toLowerCase();
    }
}
