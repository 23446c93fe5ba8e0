package dev.ftadvisor.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;
import org.kie.internal.utils.KieHelper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the fast path of {@link MatchAccess} to the public KIE API on the Drools version in use: the
 * matched objects are the same as {@code Match.getObjects()}, and a matched fact is deleted from the
 * entry point it was matched in. An upgrade that changes the internals fails here, not in production.
 */
public class MatchAccessTest {
    /** What a consequence saw, through both paths. */
    public static final List<Object[]> SEEN = new ArrayList<>();

    public static void see(Object drools) {
        RuleContext ctx = RuleOutput.context(drools);
        SEEN.add(new Object[]{MatchAccess.matchedObjects(ctx), MatchAccess.publicMatchedObjects(ctx), MatchAccess.deleteMatched(ctx, ctx.getMatch().getObjects().get(1))});
    }

    @Test
    void theFastPathGivesWhatThePublicApiGivesAndDeletesFromTheMatchedEntryPoint() {
        String drl = """
                package t;
                rule "pair" when
                    $s : String() from entry-point "proposed"
                    $n : Integer()
                then
                    dev.ftadvisor.engine.MatchAccessTest.see(drools);
                end
                """;
        KieSession session = new KieHelper().addContent(drl, org.kie.api.io.ResourceType.DRL)
                .build(org.drools.model.codegen.ExecutableModelProject.class).newKieSession();
        try {
            SEEN.clear();
            session.getEntryPoint("proposed").insert("a");
            session.insert(7);
            session.fireAllRules();
            assertThat(SEEN).hasSize(1);
            Object[] fast = (Object[]) SEEN.get(0)[0];
            Object[] pub = (Object[]) SEEN.get(0)[1];
            assertThat(fast).containsExactly(pub);
            assertThat(fast).containsExactly("a", 7);
            assertThat((Boolean) SEEN.get(0)[2]).isTrue();
            // the Integer was deleted from the default entry point; the String stays in "proposed"
            assertThat(new ArrayList<Object>(session.getObjects())).isEmpty();
            assertThat(new ArrayList<Object>(session.getEntryPoint("proposed").getObjects())).containsExactly("a");
        } finally {
            session.dispose();
        }
    }
}
