package dev.ftadvisor.engine;

import dev.ftadvisor.HostileRules;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The limits one consultation runs under, on the engine: stopped in time, named, and the advisor goes on. */
class RuleLimitsTest {
    private static final ResolvedProposal LOOPS = TestSupport.proposal("{\"model\":\"llama-3-70b\"}");
    private static final ResolvedProposal FINE = TestSupport.proposal("{\"model\":\"llama-3-8b\"}");

    private static Advisor advisor(String loopingCase, EngineLimits limits) {
        RuleSet rules = RuleCompiler.load(ResourceFolder.ofDirectory(HostileRules.LOOPING.resolve(loopingCase)));
        return new Advisor(rules, TestSupport.catalog(), limits);
    }

    @Test
    void aSpinningConsequenceIsStoppedAtTheTimeLimitAndTheNextConsultationRuns() {
        Advisor advisor = advisor("while-true", new EngineLimits(Duration.ofMillis(500), 10_000));
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            RuleFailedException e = catchThrowableOfType(() -> advisor.consult(LOOPS, false), RuleFailedException.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(RuleFailedException.Kind.TIMEOUT);
            assertThat(e.getMessage()).startsWith("looping.drl:9:1: rule 'Spins for ever' (looping.while_true)")
                    .contains("500 ms").doesNotContain("\n");
            assertThat(millis).isLessThan(3_000);
            // Java 17 stops the thread: the rule set is not given up, the next consultation runs
            Outcome fine = advisor.consult(FINE, false);
            assertThat(fine.findings()).anySatisfy(f -> assertThat(f.getRule()).isEqualTo("Harmless note"));
        }
    }

    @Test
    void rulesThatKeepFiringAreStoppedAtTheFiringLimit() {
        Advisor advisor = advisor("firing-loop", new EngineLimits(Duration.ofSeconds(30), 5_000));
        RuleFailedException e = catchThrowableOfType(() -> advisor.consult(LOOPS, false), RuleFailedException.class);
        assertThat(e.kind()).isEqualTo(RuleFailedException.Kind.FIRING_LIMIT);
        assertThat(e.getMessage()).contains("'Updates its own fact for ever'").contains("5000 rule firings");
        assertThat(advisor.consult(FINE, false).findings()).isNotEmpty();
    }

    @Test
    void recursionAndMemoryBombsAreOneLineErrorsNamingTheirRule() {
        RuleFailedException deep = catchThrowableOfType(() -> advisor("recursion", EngineLimits.DEFAULT).consult(LOOPS, false),
                RuleFailedException.class);
        assertThat(deep.kind()).isEqualTo(RuleFailedException.Kind.STACK_OVERFLOW);
        assertThat(deep.getMessage()).contains("function 'down'").contains("'Recurses without end'").doesNotContain("\n");

        RuleFailedException bomb = catchThrowableOfType(() -> advisor("memory-bomb", EngineLimits.DEFAULT).consult(LOOPS, false),
                RuleFailedException.class);
        assertThat(bomb.kind()).isEqualTo(RuleFailedException.Kind.OUT_OF_MEMORY);
        assertThat(bomb.getMessage()).contains("'Allocates without end'").doesNotContain("\n");
    }

    @Test
    void aLoopInsideAConstraintNamesTheRuleAndItsFunction() {
        Advisor advisor = advisor("constraint-loop", new EngineLimits(Duration.ofMillis(500), 10_000));
        RuleFailedException e = catchThrowableOfType(() -> advisor.consult(LOOPS, false), RuleFailedException.class);
        assertThat(e.kind()).isEqualTo(RuleFailedException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("'Loops in a constraint'").contains("function 'spin'");
    }

    @Test
    void theBundledRulesStayFarBelowTheLimits() {
        Advisor advisor = TestSupport.advisor();
        assertThat(advisor.limits()).isEqualTo(EngineLimits.DEFAULT);
        Outcome o = advisor.consult(TestSupport.proposal("{\"model\":\"llama-3-70b\",\"budgetUsd\":50}"), true);
        assertThat(o.trace().size()).isLessThan(EngineLimits.DEFAULT.maxFirings() / 100);
    }
}
