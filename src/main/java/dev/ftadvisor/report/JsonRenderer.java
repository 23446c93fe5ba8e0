package dev.ftadvisor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The contract's JSON shape, pretty-printed (or one line, for JSONL). */
public final class JsonRenderer implements ReportRenderer {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private final boolean pretty;

    public JsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public String render(Report report) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    : MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report as JSON: " + e.getMessage(), e);
        }
    }
}
