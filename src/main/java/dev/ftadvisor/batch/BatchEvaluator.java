package dev.ftadvisor.batch;

import dev.ftadvisor.consult.Consultation;
import dev.ftadvisor.i18n.Lang;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ResolvedProposal;

/**
 * Parses, resolves and consults one record on the shared {@link Advisor}; thread-safe (each call uses
 * its own session). Whatever happens to a record becomes its result: its report, or an error naming
 * whose failure it is ({@link BatchResult.ErrorKind}): an invalid record, a rule failing or running past
 * its limit on it, or a bug. The batch goes on either way.
 */
public final class BatchEvaluator {
    private final Consultation consultation;

    public BatchEvaluator(Advisor advisor) {
        this.consultation = new Consultation(advisor);
    }

    public BatchResult evaluate(BatchRecord r) {
        String id = r.defaultId();
        ResolvedProposal resolved;
        try {
            ProposalInput input = r.parse();
            if (input.id != null && !input.id.isBlank()) id = input.id;
            resolved = consultation.resolve(input, r.defaultId());
        } catch (InputException e) {
            String named = idOf(r);
            return BatchResult.error(r, named != null ? named : id, field(r, e), problem(e));
        } catch (RuntimeException | StackOverflowError e) {
            return BatchResult.error(r, id, "", internal(e), BatchResult.ErrorKind.INTERNAL);
        }
        try {
            return BatchResult.ok(r, consultation.run(resolved, Lang.EN, false).report());
        } catch (RulesCompileException e) {
            return BatchResult.error(r, resolved.proposal().getId(), "rules", oneLine(e.getMessage()), BatchResult.ErrorKind.RULES);
        } catch (RuntimeException | StackOverflowError e) {
            return BatchResult.error(r, resolved.proposal().getId(), "", internal(e), BatchResult.ErrorKind.INTERNAL);
        }
    }

    /**
     * A bug met on one record, in one line: the record's error says what and where, the batch goes on,
     * and the exit code tells that something is ours to fix. (OutOfMemoryError is not caught: the
     * process cannot be trusted after it.)
     */
    static String internal(Throwable e) {
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return "internal error (please report): " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                + (at == null ? "" : " at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1) + "." + at.getMethodName()
                + ":" + at.getLineNumber());
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Best effort: the id an invalid record gives itself, if it can be read at all. */
    static String idOf(BatchRecord r) {
        if (r.kind() == BatchRecord.Kind.CSV_ROW) return r.csv().idOf(r.text());
        if (r.kind() == BatchRecord.Kind.JSON) {
            try {
                com.fasterxml.jackson.databind.JsonNode id = dev.ftadvisor.report.JsonRenderer.MAPPER.readTree(r.text()).path("id");
                return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** A one-line record (JSONL, CSV row) is already located by its line: the parser's "line 1, " adds nothing. */
    static String field(BatchRecord r, InputException e) {
        String f = e.field();
        if (f != null && f.startsWith("line 1, column ") && r.text().indexOf('\n') < 0) return f.substring("line 1, ".length());
        return f;
    }

    /** The exception's message without its "field: " prefix. */
    static String problem(InputException e) {
        String m = e.getMessage();
        String f = e.field();
        return f != null && !f.isEmpty() && m.startsWith(f + ": ") ? m.substring(f.length() + 2) : m;
    }
}
