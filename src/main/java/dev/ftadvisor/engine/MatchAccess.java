package dev.ftadvisor.engine;

import org.drools.base.rule.consequence.ConsequenceContext;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.QueryElementFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The two things a consequence's output needs from its firing, read the fast way: the matched facts,
 * and deleting a matched fact through its own handle. This is the engine's one use of Drools
 * internals ({@code org.drools.core}): measured on the batch benchmark, the public Match API
 * ({@code getObjects()} walks every declaration, and a delete by object looks the fact up in every
 * entry point) cost about 7% of the CPU of a consultation. Each method falls back to the public API
 * when the internals are not what this Drools version gives; {@code MatchAccessTest} pins both paths
 * to the same result on the version in use, so an upgrade that changes them fails the build.
 */
final class MatchAccess {
    private MatchAccess() {
    }

    /** The facts the firing matched, as {@code Match.getObjects()} gives them (query element handles left out). */
    static Object[] matchedObjects(RuleContext ctx) {
        if (ctx.getMatch() instanceof InternalMatch match) {
            FactHandle[] handles = match.getTuple().toFactHandles();
            Object[] out = new Object[handles.length];
            int n = 0;
            for (FactHandle h : handles) {
                Object o = ((InternalFactHandle) h).getObject();
                if (!(o instanceof QueryElementFactHandle)) out[n++] = o;
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
        return publicMatchedObjects(ctx);
    }

    static Object[] publicMatchedObjects(RuleContext ctx) {
        return ctx.getMatch().getObjects().toArray();
    }

    /**
     * Deletes the fact through the handle the firing matched it by (the handle names its entry point);
     * false when the firing did not match that fact (a rule rejecting a candidate's configuration).
     */
    static boolean deleteMatched(RuleContext ctx, Object fact) {
        if (!(ctx.getMatch() instanceof InternalMatch match)) return false;
        for (FactHandle handle : match.getTuple().toFactHandles()) {
            if (handle instanceof InternalFactHandle h && h.getObject() == fact) {
                if (ctx instanceof ConsequenceContext consequence) {
                    consequence.delete(h);
                } else {
                    // the executable model's context (DroolsImpl): the handle names its entry point
                    ctx.getKieRuntime().getEntryPoint(h.getEntryPointName()).delete(h);
                }
                return true;
            }
        }
        return false;
    }
}
