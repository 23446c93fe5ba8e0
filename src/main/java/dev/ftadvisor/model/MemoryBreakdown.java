package dev.ftadvisor.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** GPU memory by component, in GB (10^9 bytes, as GPU vendors and the guide count). */
public class MemoryBreakdown {
    private final double weights;
    private final double gradients;
    private final double optimizer;
    private final double activations;
    private final double quantization;
    private final double overhead;

    public MemoryBreakdown(double weights, double gradients, double optimizer, double activations,
                           double quantization, double overhead) {
        this.weights = weights;
        this.gradients = gradients;
        this.optimizer = optimizer;
        this.activations = activations;
        this.quantization = quantization;
        this.overhead = overhead;
    }

    public double getWeights() { return weights; }
    public double getGradients() { return gradients; }
    public double getOptimizer() { return optimizer; }
    public double getActivations() { return activations; }
    public double getQuantization() { return quantization; }
    public double getOverhead() { return overhead; }
    public double getTotal() { return weights + gradients + optimizer + activations + quantization + overhead; }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("weights", round(weights));
        m.put("gradients", round(gradients));
        m.put("optimizer", round(optimizer));
        m.put("activations", round(activations));
        m.put("quantization", round(quantization));
        m.put("overhead", round(overhead));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
