package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ftadvisor.input.ProposalInput;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * A proposal given as flags ({@code --model llama-3-8b --method lora --tokens 20M --budget 500}).
 * Flags given together with a file override the file's fields.
 */
public class ProposalFlags {
    @Option(names = "--id", description = "Proposal id (default: the file name).") String id;
    @Option(names = "--model", description = "Model name or alias from facts/models.json, e.g. llama-3-8b.") String model;
    @Option(names = "--params", paramLabel = "BILLIONS", description = "Parameter count in billions (for models not in the catalog).") Double params;
    @Option(names = "--method", description = "full, freeze, lora, qlora, prefix-tuning or p-tuning.") String method;
    @Option(names = "--quantization-bits", paramLabel = "BITS", description = "4 or 8 for qlora.") Integer quantizationBits;
    @Option(names = "--tokens", paramLabel = "COUNT", description = "Dataset size in tokens: 20000000, 20M, 1.5B.") String tokens;
    @Option(names = "--examples", paramLabel = "COUNT", description = "Dataset size in examples (with --avg-tokens).") String examples;
    @Option(names = "--avg-tokens", paramLabel = "N", description = "Average tokens per example.") Double avgTokens;
    @Option(names = "--seq-len", paramLabel = "N", description = "Sequence length (default 2048).") Integer sequenceLength;
    @Option(names = "--epochs", description = "Epochs (default 3).") Double epochs;
    @Option(names = "--budget", paramLabel = "USD", description = "Total budget for the run in USD.") Double budget;
    @Option(names = "--deadline", paramLabel = "HOURS", description = "Deadline in hours.") Double deadline;
    @Option(names = "--region", description = "us, eu, cn or ap.") String region;
    @Option(names = "--providers", split = ",", description = "Restrict to providers: aws,gcp,azure,aliyun,lambda.") List<String> providers;
    @Option(names = "--spot", negatable = true, description = "Allow spot/preemptible plans to be recommended (--no-spot: none shown; default: shown as the cheaper alternative, not recommended).") Boolean spot;
    @Option(names = "--multi-node-spot", negatable = true, description = "Allow a multi-node spot plan to be recommended (needs --spot; default: not).") Boolean multiNodeSpot;
    @Option(names = "--objective", description = "What the ranking optimises: cost (default) or time.") String objective;
    @Option(names = "--multi-node", negatable = true, description = "Allow multi-node plans (default: allowed).") Boolean multiNode;
    @Option(names = "--precision", description = "Training override: mixed, pure-bf16 or fp16.") String precision;
    @Option(names = "--optimizer", description = "Training override: adamw, adamw-8bit, paged-adamw-8bit, sgd.") String optimizer;
    @Option(names = "--micro-batch", paramLabel = "N", description = "Training override: micro-batch size.") Integer microBatch;
    @Option(names = "--gradient-checkpointing", negatable = true, description = "Training override: gradient checkpointing.") Boolean checkpointing;
    @Option(names = "--lora-rank", paramLabel = "R", description = "Training override: LoRA rank.") Integer loraRank;
    @Option(names = "--lora-targets", split = ",", description = "Training override: q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj or all.") List<String> loraTargets;
    @Option(names = "--zero-stage", paramLabel = "N", description = "Training override: DeepSpeed ZeRO stage 0-3.") Integer zeroStage;
    @Option(names = "--cpu-offload", negatable = true, description = "Training override: offload optimizer states to CPU.") Boolean cpuOffload;
    @Option(names = "--mfu", description = "Training override: model FLOPs utilisation, 0-1.") Double mfu;

    boolean anyGiven() {
        return id != null || model != null || params != null || method != null || quantizationBits != null
                || tokens != null || examples != null || avgTokens != null || sequenceLength != null || epochs != null
                || budget != null || deadline != null || region != null || providers != null || spot != null
                || multiNode != null || multiNodeSpot != null || objective != null || trainingGiven();
    }

    private boolean trainingGiven() {
        return precision != null || optimizer != null || microBatch != null || checkpointing != null || loraRank != null
                || loraTargets != null || zeroStage != null || cpuOffload != null || mfu != null;
    }

    /** Applies the flags on top of {@code in} (which may come from a file) and returns it. */
    ProposalInput applyTo(ProposalInput in) {
        if (id != null) in.id = id;
        if (model != null) in.model = model;
        if (params != null) in.parametersBillions = params;
        if (method != null) in.method = method;
        if (quantizationBits != null) in.quantizationBits = quantizationBits;
        if (tokens != null || examples != null || avgTokens != null) {
            if (in.dataset == null || tokens != null || examples != null) in.dataset = new ProposalInput.Dataset();
            if (tokens != null) in.dataset.tokens = TextNode.valueOf(tokens);
            if (examples != null) in.dataset.examples = TextNode.valueOf(examples);
            if (avgTokens != null) in.dataset.avgTokensPerExample = avgTokens;
        }
        if (sequenceLength != null) in.sequenceLength = sequenceLength;
        if (epochs != null) in.epochs = epochs;
        if (budget != null) in.budgetUsd = budget;
        if (deadline != null) in.deadlineHours = deadline;
        if (region != null) in.region = region;
        if (providers != null) in.providers = providers;
        if (spot != null) in.spotAllowed = spot;
        if (multiNode != null) in.multiNodeAllowed = multiNode;
        if (multiNodeSpot != null) in.multiNodeSpot = multiNodeSpot;
        if (objective != null) in.objective = objective;
        if (trainingGiven()) {
            if (in.training == null) in.training = new ProposalInput.Training();
            if (precision != null) in.training.precision = precision;
            if (optimizer != null) in.training.optimizer = optimizer;
            if (microBatch != null) in.training.microBatchSize = microBatch;
            if (checkpointing != null) in.training.gradientCheckpointing = checkpointing;
            if (loraRank != null) in.training.loraRank = loraRank;
            if (loraTargets != null) in.training.loraTargets = loraTargets;
            if (zeroStage != null) in.training.zeroStage = zeroStage;
            if (cpuOffload != null) in.training.cpuOffload = cpuOffload;
            if (mfu != null) in.training.mfu = mfu;
        }
        return in;
    }
}
