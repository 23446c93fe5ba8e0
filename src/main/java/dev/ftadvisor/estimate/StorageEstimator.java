package dev.ftadvisor.estimate;

import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.VolumeSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Size and cost of the volume a run mounts for data, environment and checkpoints. */
public final class StorageEstimator {
    /** OS image, CUDA/PyTorch environment and container layers: ~50 GB. */
    static final double BASE_GB = 50;
    /** Checkpoints kept on the volume before older ones are pruned or moved to object storage. */
    static final int CHECKPOINTS_KEPT = 3;
    /** Raw text plus tokenized cache: ~4 bytes per token each (UTF-8 text ~4 chars/token; int32 ids). */
    static final double BYTES_PER_TOKEN = 8;

    private StorageEstimator() {
    }

    public static double volumeGb(ModelSpec m, Proposal p) {
        double weights = ParameterCounts.total(p) * MemoryEstimator.B16;
        double data = p.getDatasetTokens() * BYTES_PER_TOKEN;
        return BASE_GB + (weights + data) / MemoryEstimator.GB + CHECKPOINTS_KEPT * checkpointGb(m, p);
    }

    /**
     * One resumable checkpoint: a full fine-tune holds the 16-bit weights plus the fp32 master copy and
     * Adam's two moments (12 bytes per trained parameter: 14 per parameter in all, so about 1 TB for a
     * 70B model); an adapter method only its adapters and their optimizer states.
     */
    public static double checkpointGb(ModelSpec m, Proposal p) {
        double trainable = ParameterCounts.trainable(m, p);
        double weights = ParameterCounts.total(p) * MemoryEstimator.B16;
        double bytes = MemoryEstimator.isAdapterMethod(p.getMethod()) ? trainable * 12 : weights + trainable * 12;
        return bytes / MemoryEstimator.GB;
    }

    /** The provider's cheapest block volume in the catalog (rules judge whether it is fast enough). */
    public static Optional<VolumeSpec> defaultVolume(List<VolumeSpec> volumes, String provider) {
        return volumes.stream()
                .filter(v -> provider.equals(v.provider) && ("block".equals(v.kind) || "filesystem".equals(v.kind)))
                .min(Comparator.comparingDouble(v -> v.usdPerGbMonth));
    }

    /** The provider's block volume with the highest published IOPS ceiling (null when none publishes one). */
    public static Optional<VolumeSpec> fastestVolume(List<VolumeSpec> volumes, String provider) {
        return volumes.stream()
                .filter(v -> provider.equals(v.provider) && "block".equals(v.kind) && v.maxIops != null)
                .max(Comparator.comparingDouble(v -> v.maxIops));
    }

    public static double cost(double gb, VolumeSpec v, double hours) {
        return v == null ? 0 : gb * v.usdPerGbMonth * hours / CostEstimator.HOURS_PER_MONTH;
    }
}
