package dev.ftadvisor.input;

import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.TrainingSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a proposal against the contract (types are already checked by the reader; this checks
 * values and ranges) and completes it: resolves the model, applies defaults and records each default
 * as an assumption. Every problem is an {@link InputException} naming the field.
 */
public final class ProposalResolver {
    public static final Set<String> METHODS = Set.of("full", "freeze", "lora", "qlora", "prefix-tuning", "p-tuning");
    public static final Set<String> PROVIDERS = Set.of("aws", "gcp", "azure", "aliyun", "lambda");
    public static final Set<String> REGIONS = Set.of("us", "eu", "cn", "ap");
    public static final Set<String> OBJECTIVES = Set.of(dev.ftadvisor.model.Proposal.OBJECTIVE_COST, dev.ftadvisor.model.Proposal.OBJECTIVE_TIME);
    public static final Set<String> PRECISIONS = Set.of("mixed", "pure-bf16", "fp16");
    public static final Set<String> OPTIMIZERS = Set.of("adamw", "adamw-8bit", "paged-adamw-8bit", "sgd");
    public static final Set<String> LORA_TARGETS = Set.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj", "all");

    /** Contract defaults. The dataset default is ours: a typical instruction-tuning set (see README). */
    static final int DEFAULT_SEQUENCE_LENGTH = 2048;
    static final double DEFAULT_EPOCHS = 3;
    static final long DEFAULT_DATASET_TOKENS = 10_000_000L;

    private final Catalog catalog;

    public ProposalResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    public ResolvedProposal resolve(ProposalInput in, String defaultId) {
        List<Assumption> assumptions = new ArrayList<>();
        Proposal.Builder p = Proposal.builder();
        p.setId(in.id != null ? text("id", in.id) : defaultId);

        ModelSpec model = resolveModel(in, p, assumptions);

        String method = in.method == null ? null : text("method", in.method).trim().toLowerCase(Locale.ROOT);
        if (method == null) {
            method = "lora";
            assumptions.add(new Assumption("method", "lora", "not given; LoRA is the guide's default way to lower the hardware bar (choose.peft)"));
        } else if (!METHODS.contains(method)) {
            throw InputException.of("method", "oneOf", sorted(METHODS), in.method);
        }
        p.setMethod(method);
        p.setQuantizationBits(quantization(in.quantizationBits, method));

        resolveDataset(in, p, assumptions);
        int seq = in.sequenceLength == null ? DEFAULT_SEQUENCE_LENGTH : in.sequenceLength;
        if (in.sequenceLength == null) {
            assumptions.add(new Assumption("sequenceLength", String.valueOf(seq), "contract default"));
        }
        range("sequenceLength", seq, 16, 1_048_576);
        p.setSequenceLength(seq);
        double epochs = in.epochs == null ? DEFAULT_EPOCHS : in.epochs;
        if (in.epochs == null) {
            assumptions.add(new Assumption("epochs", fmt(epochs), "contract default"));
        }
        range("epochs", epochs, 0.01, 1000);
        p.setEpochs(epochs);
        if (in.budgetUsd != null) range("budgetUsd", in.budgetUsd, 0.01, 1e9);
        p.setBudgetUsd(in.budgetUsd);
        if (in.deadlineHours != null) range("deadlineHours", in.deadlineHours, 0.01, 87_600);
        p.setDeadlineHours(in.deadlineHours);
        if (in.region != null) {
            String r = text("region", in.region).trim().toLowerCase(Locale.ROOT);
            if (!REGIONS.contains(r)) {
                throw InputException.of("region", "oneOf", sorted(REGIONS), in.region);
            }
            p.setRegion(r);
        }
        if (in.providers != null) {
            List<String> providers = names("providers", in.providers);
            for (int i = 0; i < providers.size(); i++) {
                if (!PROVIDERS.contains(providers.get(i))) {
                    throw InputException.of("providers[" + i + "]", "oneOf", sorted(PROVIDERS), in.providers.get(i));
                }
            }
            p.setProviders(providers);
        }
        p.setSpotAllowed(in.spotAllowed == null || in.spotAllowed);
        p.setSpotRequested(Boolean.TRUE.equals(in.spotAllowed));
        p.setMultiNodeAllowed(in.multiNodeAllowed == null || in.multiNodeAllowed);
        p.setMultiNodeSpot(Boolean.TRUE.equals(in.multiNodeSpot));
        if (in.objective != null) {
            String o = text("objective", in.objective).trim().toLowerCase(Locale.ROOT);
            if (!OBJECTIVES.contains(o)) {
                throw InputException.of("objective", "oneOf", sorted(OBJECTIVES), in.objective);
            }
            p.setObjective(o);
        }
        p.setTraining(training(in.training, method, assumptions));
        return new ResolvedProposal(p.build(), model, List.copyOf(assumptions));
    }

    private ModelSpec resolveModel(ProposalInput in, Proposal.Builder p, List<Assumption> assumptions) {
        ModelSpec model = null;
        if (in.model != null) {
            text("model", in.model);
            model = catalog.model(in.model).orElse(null);
            if (model == null && in.parametersBillions == null) {
                List<String> close = NameSuggester.closest(in.model, catalog.modelNames(), 3);
                throw InputException.of("model", "unknownModel", in.model, String.join(", ", close));
            }
        } else if (in.parametersBillions == null) {
            throw InputException.of("model", "modelMissing");
        }
        if (in.parametersBillions != null) {
            range("parametersBillions", in.parametersBillions, 0.01, 5000);
        }
        if (model != null) {
            p.setModelId(model.id);
            p.setModelName(model.name != null ? model.name : model.id);
            p.setKnownModel(true);
            p.setParametersBillions(in.parametersBillions != null ? in.parametersBillions : model.parametersBillions);
            p.setModelMaxContext(model.maxContext);
            return model;
        }
        // Unknown model: borrow the layer shapes of the catalog model closest in size, and say so.
        double params = in.parametersBillions;
        ModelSpec proxy = catalog.models().stream()
                .filter(m -> m.experts <= 1)
                .min(Comparator.comparingDouble(m -> Math.abs(Math.log(m.parametersBillions / params))))
                .orElseThrow(() -> new InputException("parametersBillions", "facts/models.json has no dense model to take layer shapes from"));
        String name = in.model != null ? in.model : String.format(Locale.ROOT, "custom-%.1fb", params);
        p.setModelId(name);
        p.setModelName(name);
        p.setKnownModel(false);
        p.setParametersBillions(params);
        p.setModelMaxContext(proxy.maxContext);
        assumptions.add(new Assumption("model architecture", proxy.id,
                "model not in facts/models.json: layer shapes (for activations and LoRA sizes) taken from the catalog model closest to "
                        + fmt(params) + "B parameters"));
        return proxy;
    }

    private void resolveDataset(ProposalInput in, Proposal.Builder p, List<Assumption> assumptions) {
        ProposalInput.Dataset d = in.dataset;
        double tokens;
        if (d != null && d.avgTokensPerExample != null && d.examples == null) {
            throw InputException.of("dataset.avgTokensPerExample", "avgWithoutExamples");
        }
        if (d == null || (d.tokens == null && d.examples == null)) {
            tokens = DEFAULT_DATASET_TOKENS;
            p.setDatasetGiven(false);
            assumptions.add(new Assumption("dataset.tokens", "10M",
                    "not given; a mid-sized instruction-tuning set (e.g. ~50k examples x 200 tokens) is assumed so cost and time can be shown (choose.needs)"));
        } else {
            if (d.tokens != null && d.examples != null) {
                throw InputException.of("dataset", "datasetBoth");
            }
            if (d.tokens != null) {
                tokens = size("dataset.tokens", d.tokens);
            } else {
                double examples = size("dataset.examples", d.examples);
                if (d.avgTokensPerExample == null) {
                    throw InputException.of("dataset.avgTokensPerExample", "avgMissing");
                }
                range("dataset.avgTokensPerExample", d.avgTokensPerExample, 1, 10_000_000);
                tokens = examples * d.avgTokensPerExample;
            }
            range("dataset.tokens", tokens, 1_000, 1e14);
            p.setDatasetGiven(true);
        }
        p.setDatasetTokens(Math.round(tokens));
    }

    private static double size(String field, com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isNumber()) return node.asDouble();
        if (node.isTextual()) return SizeParser.parse(field, node.asText());
        throw InputException.of(field, "count", node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }

    /** A method's base-weight precision when the proposal gives none: QLoRA trains on a 4-bit base, the rest on 16-bit. */
    public static int defaultQuantizationBits(String method) {
        return "qlora".equals(method) ? 4 : 16;
    }

    /**
     * A method's optimizer when the proposal gives none, or null for the training default (AdamW): the
     * QLoRA paper trains with paged 8-bit-state AdamW; LLaMA-Factory and PEFT examples do too.
     */
    public static String defaultOptimizer(String method) {
        return "qlora".equals(method) ? "paged-adamw-8bit" : null;
    }

    private static int quantization(Integer bits, String method) {
        if (bits == null) return defaultQuantizationBits(method);
        if (bits != 4 && bits != 8 && bits != 16) {
            throw InputException.of("quantizationBits", "quantBits", String.valueOf(bits));
        }
        if ("qlora".equals(method) && bits == 16) {
            throw InputException.of("quantizationBits", "qloraBits");
        }
        if (!"qlora".equals(method) && bits != 16) {
            throw InputException.of("quantizationBits", "bitsNotQlora", String.valueOf(bits), method);
        }
        return bits;
    }

    private TrainingSettings training(ProposalInput.Training t, String method, List<Assumption> assumptions) {
        TrainingSettings.Builder s = TrainingSettings.builder();
        if (t == null) t = new ProposalInput.Training();
        if (t.precision != null) {
            text("training.precision", t.precision);
            if (!PRECISIONS.contains(t.precision)) throw InputException.of("training.precision", "oneOf", sorted(PRECISIONS), t.precision);
            s.setPrecision(t.precision);
        }
        if (t.optimizer != null) {
            text("training.optimizer", t.optimizer);
            if (!OPTIMIZERS.contains(t.optimizer)) throw InputException.of("training.optimizer", "oneOf", sorted(OPTIMIZERS), t.optimizer);
            s.setOptimizer(t.optimizer);
        } else if (defaultOptimizer(method) != null) {
            s.setOptimizer(defaultOptimizer(method));
        }
        if (t.microBatchSize != null) { range("training.microBatchSize", t.microBatchSize, 1, 4096); s.setMicroBatchSize(t.microBatchSize); }
        if (t.gradientCheckpointing != null) s.setGradientCheckpointing(t.gradientCheckpointing);
        if (t.loraRank != null) { range("training.loraRank", t.loraRank, 1, 4096); s.setLoraRank(t.loraRank); }
        if (t.loraTargets != null) {
            if (t.loraTargets.isEmpty()) throw InputException.of("training.loraTargets", "loraTargetsEmpty");
            names("training.loraTargets", t.loraTargets);
            for (int i = 0; i < t.loraTargets.size(); i++) {
                if (!LORA_TARGETS.contains(t.loraTargets.get(i))) {
                    throw InputException.of("training.loraTargets[" + i + "]", "oneOf", sorted(LORA_TARGETS), t.loraTargets.get(i));
                }
            }
            s.setLoraTargets(t.loraTargets);
        }
        if (t.zeroStage != null) { range("training.zeroStage", t.zeroStage, 0, 3); s.setZeroStage(t.zeroStage); }
        if (t.cpuOffload != null) s.setCpuOffload(t.cpuOffload);
        if (t.mfu != null) { range("training.mfu", t.mfu, 0.01, 0.95); s.setMfu(t.mfu); }
        if (t.checkpointIntervalHours != null) { range("training.checkpointIntervalHours", t.checkpointIntervalHours, 0.01, 1000); s.setCheckpointIntervalHours(t.checkpointIntervalHours); }
        if (t.trainableFraction != null) { range("training.trainableFraction", t.trainableFraction, 0.001, 1); s.setTrainableFraction(t.trainableFraction); }
        if (t.virtualTokens != null) { range("training.virtualTokens", t.virtualTokens, 1, 4096); s.setVirtualTokens(t.virtualTokens); }
        return s.build();
    }

    /**
     * A string as written: never blank and never holding a control character. A blank string or a NUL
     * is a mistake to name, not a way to leave a field out (leaving it out, or null, is).
     */
    static String text(String field, String v) {
        if (v == null) throw InputException.of(field, "nullItem");
        if (v.isBlank()) throw InputException.of(field, "blank");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                throw InputException.of(field, "control", String.format(Locale.ROOT, "U+%04X", (int) c));
            }
        }
        return v;
    }

    /** A list of names: at least one, each plain text, none twice (compared trimmed, in lower case). */
    static List<String> names(String field, List<String> values) {
        if (values.isEmpty()) throw InputException.of(field, "empty");
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String v = text(field + "[" + i + "]", values.get(i)).trim().toLowerCase(Locale.ROOT);
            if (out.contains(v)) throw InputException.of(field + "[" + i + "]", "duplicate", values.get(i));
            out.add(v);
        }
        return out;
    }

    static void range(String field, double v, double min, double max) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw InputException.of(field, "range", fmt(min), fmt(max), fmt(v));
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", s.stream().sorted().toList());
    }
}
