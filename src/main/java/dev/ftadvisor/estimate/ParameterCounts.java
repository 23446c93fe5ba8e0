package dev.ftadvisor.estimate;

import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.TrainingSettings;

import java.util.List;

/**
 * Parameter counts derived from a model's layer shapes: total, embedding (kept in 16 bits by QLoRA),
 * and trainable parameters for each method.
 */
public final class ParameterCounts {
    private ParameterCounts() {
    }

    /** Total parameters, from the proposal (which may override the catalog). */
    public static double total(Proposal p) {
        return p.getParametersBillions() * 1e9;
    }

    /** Input embedding plus the output head when it is not tied: these stay 16-bit under QLoRA. */
    public static double embedding(ModelSpec m, Proposal p) {
        double e = (double) m.vocabSize * m.hiddenSize * (m.tiedEmbeddings ? 1 : 2);
        // when the proposal overrides the size, scale the proxy's embedding share with it
        double proxyTotal = m.parametersBillions * 1e9;
        return proxyTotal > 0 ? Math.min(e * total(p) / proxyTotal, total(p) * 0.5) : e;
    }

    /** Parameters the optimizer updates for the proposal's method. */
    public static double trainable(ModelSpec m, Proposal p) {
        TrainingSettings t = p.getTraining();
        switch (p.getMethod()) {
            case "full":
                return total(p);
            case "freeze":
                return total(p) * MemoryEstimator.freezeFraction(m, t);
            case "lora":
            case "qlora":
                return lora(m, t.getLoraRank(), t.getLoraTargets()) * scale(m, p);
            case "prefix-tuning":
                // a key and a value vector per virtual token in every layer (Li & Liang 2021)
                return (double) t.getVirtualTokens() * m.layers * 2 * kvWidth(m) * scale(m, p);
            case "p-tuning":
                // P-Tuning v2 also prompts every layer; v1 only the input embedding. v2 is what
                // ChatGLM's own P-Tuning recipe uses, so count per-layer prompts.
                return (double) t.getVirtualTokens() * m.layers * 2 * kvWidth(m) * scale(m, p);
            default:
                throw new IllegalArgumentException("unknown method " + p.getMethod());
        }
    }

    /** LoRA adds r x (in + out) parameters to each targeted projection of every layer (Hu et al. 2021). */
    static double lora(ModelSpec m, int rank, List<String> targets) {
        int h = m.hiddenSize;
        int q = m.attentionHeads * m.headDimension();
        int kv = kvWidth(m);
        int i = m.intermediateSize;
        double perLayer = 0;
        boolean all = targets.contains("all");
        if (all || targets.contains("q_proj")) perLayer += rank * (h + q);
        if (all || targets.contains("k_proj")) perLayer += rank * (h + kv);
        if (all || targets.contains("v_proj")) perLayer += rank * (h + kv);
        if (all || targets.contains("o_proj")) perLayer += rank * (q + h);
        double mlp = 0;
        if (all || targets.contains("gate_proj")) mlp += rank * (h + i);
        if (all || targets.contains("up_proj")) mlp += rank * (h + i);
        if (all || targets.contains("down_proj")) mlp += rank * (i + h);
        perLayer += mlp * Math.max(1, m.experts);
        return perLayer * m.layers;
    }

    static int kvWidth(ModelSpec m) {
        return m.kvHeads * m.headDimension();
    }

    /** When parametersBillions overrides a proxy architecture, adapter sizes scale with it. */
    private static double scale(ModelSpec m, Proposal p) {
        if (p.isKnownModel() || m.parametersBillions <= 0) return 1;
        return Math.sqrt(p.getParametersBillions() / m.parametersBillions);
    }
}
