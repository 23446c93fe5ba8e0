package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalReader;

/**
 * One input record as read, not yet parsed: where it came from (file and line), its raw text and how
 * to parse it. Parsing happens on a worker thread ({@link #parse()}), so the reader stays cheap and a
 * corrupt record only ever fails itself.
 */
public record BatchRecord(long seq, String source, int line, String defaultId, Kind kind, String text, CsvMapping csv) {
    /** How the raw text of a record is parsed. */
    public enum Kind {
        JSON, YAML, CSV_ROW,
        /** An input (file, line) that could not be read: {@code text} says why. */
        FAILED
    }

    /** The proposal as written; an {@link InputException} names the field and the problem. */
    public ProposalInput parse() {
        return switch (kind) {
            case JSON -> ProposalReader.read(text, false);
            case YAML -> ProposalReader.read(text, true);
            case CSV_ROW -> csv.toInput(text);
            case FAILED -> throw new InputException("", text);
        };
    }
}
