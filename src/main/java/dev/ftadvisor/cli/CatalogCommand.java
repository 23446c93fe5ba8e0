package dev.ftadvisor.cli;

import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.model.GpuSpec;
import dev.ftadvisor.model.InstanceSpec;
import dev.ftadvisor.model.ModelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** {@code catalog}: the facts the advice rests on (instances with prices, GPUs, models), filterable. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Show the catalogs in the facts folder (instances with prices, GPUs, models); refresh the prices from the providers' feeds.",
        subcommands = {CatalogCommand.ListCommand.class, CatalogUpdateCommand.class})
public final class CatalogCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb: list or update");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List one catalog: instances (default), gpus or models.",
                    "Every entry names its source; prices carry the date they were read (asOf)."})
    public static final class ListCommand implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "instances|gpus|models", defaultValue = "instances",
                description = "Which catalog (default: ${DEFAULT-VALUE}).")
        String which;

        @Option(names = "--provider", split = ",", description = "Instances of these providers: aws,gcp,azure,aliyun,lambda.")
        List<String> providers;

        @Option(names = "--gpu", description = "Instances with this GPU (id or alias, e.g. A100-80GB, H100).")
        String gpu;

        @Option(names = "--region", description = "Instances priced in this region group: us, eu, cn, ap.")
        String region;

        @Option(names = "--min-gpu-memory", paramLabel = "GB", description = "GPUs (or instances' GPUs) with at least this much memory.")
        Double minGpuMemory;

        @Option(names = "--max-usd-hour", paramLabel = "USD", description = "Instances whose on-demand price is at most this.")
        Double maxUsdHour;

        @Option(names = "--format", defaultValue = "text", completionCandidates = FormatChoices.Listing.class, converter = FormatChoices.Listing.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        ListingFormat format;

        @Mixin EngineOptions engine;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Catalog catalog = engine.catalog();
            switch (which) {
                case "instances" -> instances(catalog);
                case "gpus" -> gpus(catalog);
                case "models" -> models(catalog);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "expected instances, gpus or models, got '" + which + "'");
            }
            return ExitCodes.OK;
        }

        private void instances(Catalog catalog) {
            GpuSpec wanted = gpu == null ? null : catalog.gpu(gpu).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--gpu: unknown GPU '" + gpu + "' (see: catalog list gpus)"));
            Predicate<InstanceSpec> keep = i -> (providers == null || providers.contains(i.provider))
                    && (wanted == null || catalog.gpu(i.gpu).map(g -> g == wanted).orElse(false))
                    && (region == null || region.equalsIgnoreCase(i.regionGroup))
                    && (minGpuMemory == null || catalog.gpu(i.gpu).map(g -> g.memoryGb >= minGpuMemory).orElse(false))
                    && (maxUsdHour == null || i.onDemandUsdHour <= maxUsdHour);
            List<InstanceSpec> rows = catalog.instances().stream().filter(keep).toList();
            if (format == ListingFormat.JSON) {
                RulesCommand.printJson(spec, rows);
                return;
            }
            PrintWriter out = RulesCommand.out(spec);
            out.printf(Locale.ROOT, "%-7s %-28s %-13s %-16s %6s %5s %7s %-22s %9s %9s %9s  %s%n", "provider", "instance",
                    "region", "gpus", "GB/gpu", "vcpu", "ram GB", "interconnect/fabric", "on-demand", "spot", "reserved", "asOf");
            for (InstanceSpec i : rows) {
                double mem = catalog.gpu(i.gpu).map(g -> g.memoryGb).orElse(0.0);
                out.printf(Locale.ROOT, "%-7s %-28s %-13s %-16s %6.0f %5d %7.0f %-22s %9s %9s %9s  %s%n", i.provider,
                        i.instanceType, i.primaryRegion(), i.gpuCount + "x " + i.gpu, mem, i.vcpus, i.ramGb,
                        i.gpuInterconnect + "/" + i.rdmaFabric + (i.rdmaGbps == null ? "" : " " + Math.round(i.rdmaGbps)),
                        usd(i.onDemandUsdHour), usd(i.spotUsdHour), usd(i.reservedUsdHour), i.asOf);
            }
            out.printf("%d instance types (of %d); prices in USD per hour; source and quote of each: --format json%n",
                    rows.size(), catalog.instances().size());
            out.flush();
        }

        private void gpus(Catalog catalog) {
            List<GpuSpec> rows = catalog.gpus().stream()
                    .filter(g -> minGpuMemory == null || g.memoryGb >= minGpuMemory).toList();
            if (format == ListingFormat.JSON) {
                RulesCommand.printJson(spec, rows);
                return;
            }
            PrintWriter out = RulesCommand.out(spec);
            out.printf(Locale.ROOT, "%-15s %-11s %-12s %6s %6s %5s %5s %9s %8s%n", "gpu", "arch", "class", "GB", "GB/s",
                    "bf16", "FA2", "TFLOPS", "NVLink");
            for (GpuSpec g : rows) {
                out.printf(Locale.ROOT, "%-15s %-11s %-12s %6.0f %6s %5s %5s %9.0f %8s%n", g.id, g.architecture, g.gpuClass,
                        g.memoryGb, g.memoryBandwidthGBs == null ? "?" : String.valueOf(Math.round(g.memoryBandwidthGBs)),
                        g.bf16 ? "yes" : "no", g.flashAttention2 ? "yes" : "no", g.trainingTflops(),
                        g.nvlinkGBs == null ? "-" : String.valueOf(Math.round(g.nvlinkGBs)));
            }
            out.printf("%d GPUs; TFLOPS are dense bf16 (fp16 where bf16 is missing)%n", rows.size());
            out.flush();
        }

        private void models(Catalog catalog) {
            if (format == ListingFormat.JSON) {
                RulesCommand.printJson(spec, catalog.models());
                return;
            }
            PrintWriter out = RulesCommand.out(spec);
            out.printf(Locale.ROOT, "%-16s %8s %6s %7s %7s %6s %4s %7s %8s%n", "model", "params B", "layers", "hidden",
                    "ffn", "heads", "kv", "vocab", "context");
            for (ModelSpec m : catalog.models()) {
                out.printf(Locale.ROOT, "%-16s %8.2f %6d %7d %7d %6d %4d %7d %8d%n", m.id, m.parametersBillions, m.layers,
                        m.hiddenSize, m.intermediateSize, m.attentionHeads, m.kvHeads, m.vocabSize, m.maxContext);
            }
            out.printf("%d models; aliases and sources: --format json%n", catalog.models().size());
            out.flush();
        }

        private static String usd(Double v) {
            return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
        }
    }
}
