package dev.ftadvisor.consult;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.report.Localizer;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;

/**
 * One consultation, the same way for every entry point ({@code consult}, {@code batch}, {@code serve},
 * {@code rules test}, {@code rules diff}): resolve the proposal as written against the catalog, let the
 * advisor's rules judge it, tell the findings in the reader's language, build the report. Thread-safe:
 * each run gets its own session.
 */
public final class Consultation {
    /** What a consultation gives: the proposal as resolved, the engine's outcome and the report. */
    public record Result(ResolvedProposal resolved, Outcome outcome, Report report) {
    }

    private final Advisor advisor;
    private final ProposalResolver resolver;
    private final Localizer localizer;

    public Consultation(Advisor advisor) {
        this.advisor = advisor;
        this.resolver = new ProposalResolver(advisor.catalog());
        this.localizer = Localizer.forRules(advisor.rules().folder());
    }

    public Advisor advisor() { return advisor; }

    /** The resolver the proposals are checked and completed with (the interview asks through it). */
    public ProposalResolver resolver() { return resolver; }

    /** Checks and completes a proposal as written; an {@code InputException} names the field. */
    public ResolvedProposal resolve(ProposalInput input, String defaultId) {
        return resolver.resolve(input, defaultId);
    }

    public Result run(ProposalInput input, String defaultId, Lang lang, boolean explain) {
        return run(resolve(input, defaultId), lang, explain);
    }

    /**
     * Consults a resolved proposal. With {@code explain}, the session records every firing with the
     * facts it matched and the report carries that trace.
     */
    public Result run(ResolvedProposal resolved, Lang lang, boolean explain) {
        Outcome outcome = localizer.localize(advisor.consult(resolved, explain), lang);
        Report report = ReportBuilder.build(outcome, advisor.catalog().asOf(), explain, lang);
        return new Result(resolved, outcome, report);
    }
}
