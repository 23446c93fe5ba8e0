package dev.ftadvisor.cli;

import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What every single-folder {@code rules} verb takes: the folder as DIR, the engine options, --format. */
public class RulesFolderOptions {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rules folder (default: --rules, ./rules, or the bundled rules).")
    Path dir;

    @Mixin EngineOptions engine;

    @Option(names = "--format", defaultValue = "text", completionCandidates = FormatChoices.Listing.class, converter = FormatChoices.Listing.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ListingFormat format;

    /** Checks --format, then resolves the folder named as DIR, else --rules, else ./rules or the bundled rules. */
    ResourceFolder folder(CommandLine.Model.CommandSpec spec) {
        return RulesCommand.folder(dir, engine);
    }

    boolean json() {
        return format == ListingFormat.JSON;
    }
}
