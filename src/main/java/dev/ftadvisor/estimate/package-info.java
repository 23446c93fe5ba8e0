/**
 * The arithmetic behind a consultation: memory per GPU, FLOPs and hours, cost per pricing model and
 * storage, for a resolved proposal and for every candidate instance x node count x pricing model.
 * Nothing here judges; the rules compare these numbers with the hardware.
 *
 * <p>Memory ({@link dev.ftadvisor.estimate.MemoryEstimator}) is counted per component from the
 * model's layer shapes in facts/models.json: 16-bit (or 4/8-bit quantized) weights, gradients and
 * optimizer states of the trained parameters (full, freeze, LoRA adapters, prefix/prompt vectors),
 * activations as a function of sequence length, micro-batch, hidden and MLP width, layers and
 * heads (with or without gradient checkpointing, FlashAttention or eager attention), quantization
 * constants, and the CUDA context. ZeRO stages 1/2/3 (FSDP = 3) divide the states over the GPUs;
 * CPU offload moves them to host RAM, whose size {@code offloadHostRamGb} reports.
 *
 * <p>Every constant carries its source in a comment, and {@link dev.ftadvisor.estimate.EstimateAssumptions}
 * lists them with their values in every report. {@code MemoryCalibrationTest} compares the estimate
 * with published tables (src/test/resources/calibration/memory.json) and measured peaks
 * (measured.json) and prints both tables.
 */
package dev.ftadvisor.estimate;
