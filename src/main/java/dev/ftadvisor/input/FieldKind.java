package dev.ftadvisor.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.List;

/**
 * What a field of {@link ProposalInput} holds, read from its declared Java type: the one description
 * both the JSON shape check ({@link ProposalShape}) and the CSV column mapping use, so a new field is
 * typed in one place.
 */
public enum FieldKind {
    TEXT, NUMBER, WHOLE, BOOLEAN, TEXT_LIST,
    /** a count written as a number or as text such as 20M (the dataset sizes) */
    COUNT,
    /** a nested object of the proposal (dataset, training) */
    OBJECT;

    public static FieldKind of(Field f) {
        Class<?> t = f.getType();
        if (t == String.class) return TEXT;
        if (t == Double.class) return NUMBER;
        if (t == Integer.class || t == Long.class) return WHOLE;
        if (t == Boolean.class) return BOOLEAN;
        if (t == JsonNode.class) return COUNT;
        if (t == List.class && f.getGenericType() instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] == String.class) {
            return TEXT_LIST;
        }
        if (t.getName().startsWith(ProposalInput.class.getName())) return OBJECT;
        throw new IllegalStateException("FieldKind: no kind for field " + f);
    }
}
