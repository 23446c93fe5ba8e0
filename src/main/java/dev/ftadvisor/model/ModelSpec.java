package dev.ftadvisor.model;

import java.util.List;

/** Architecture of a base model, as published in its config.json (facts/models.json). */
public class ModelSpec {
    public String id;
    public String name;
    public String family;
    public List<String> aliases = List.of();
    public String hfRepo;
    public double parametersBillions;
    public int layers;
    public int hiddenSize;
    public int intermediateSize;
    public int attentionHeads;
    public int kvHeads;
    public Integer headDim;
    public int vocabSize;
    public int maxContext;
    public boolean tiedEmbeddings;
    public int experts = 1;
    public int activeExperts = 1;
    public boolean qkvBias;
    public String source;
    public String quote;
    public String notes;

    public String getId() { return id; }
    public String getName() { return name; }
    public double getParametersBillions() { return parametersBillions; }
    public int getLayers() { return layers; }
    public int getHiddenSize() { return hiddenSize; }
    public int getIntermediateSize() { return intermediateSize; }
    public int getAttentionHeads() { return attentionHeads; }
    public int getKvHeads() { return kvHeads; }
    public int getVocabSize() { return vocabSize; }
    public int getMaxContext() { return maxContext; }
    public int getExperts() { return experts; }

    /** Width of one attention head; Gemma-2 sets it explicitly, others derive it. */
    public int headDimension() {
        return headDim != null ? headDim : hiddenSize / attentionHeads;
    }
}
