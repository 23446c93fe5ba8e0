package dev.ftadvisor.batch;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;

/**
 * Parses, resolves and consults one record on the shared {@link Advisor}; thread-safe (each call uses
 * its own session). An invalid record becomes an error result; a rule failing at run time is not the
 * record's fault and propagates (the rules folder is broken: exit 3).
 */
public final class BatchEvaluator {
    private final Advisor advisor;
    private final ProposalResolver resolver;
    private final String catalogAsOf;

    public BatchEvaluator(Advisor advisor) {
        this.advisor = advisor;
        this.resolver = new ProposalResolver(advisor.catalog());
        this.catalogAsOf = advisor.catalog().asOf();
    }

    public BatchResult evaluate(BatchRecord r) {
        String id = r.defaultId();
        ResolvedProposal resolved;
        try {
            ProposalInput input = r.parse();
            if (input.id != null && !input.id.isBlank()) id = input.id;
            resolved = resolver.resolve(input, r.defaultId());
        } catch (InputException e) {
            String named = idOf(r);
            return BatchResult.error(r, named != null ? named : id, field(r, e), problem(e));
        }
        Outcome outcome = advisor.consult(resolved, false);
        Report report = ReportBuilder.build(outcome, catalogAsOf, false);
        return BatchResult.ok(r, report);
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
