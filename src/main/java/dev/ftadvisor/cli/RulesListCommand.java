package dev.ftadvisor.cli;

import dev.ftadvisor.engine.RuleIndex;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.engine.RulesVersion;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rules list}: every rule with id, file:line, severity, topic, guide sources and description. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Every rule: id, file:line, severity, topic, guidance sources, description.")
public final class RulesListCommand implements Callable<Integer> {
    @CommandLine.Mixin RulesFolderOptions options;
    @Option(names = "--topic", description = "Only rules of this @topic.") String topic;
    @Option(names = "--severity", description = "Only rules of this @severity.") String severity;
    @Option(names = "--source", description = "Only rules citing this guidance id in @sources.") String source;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResourceFolder folder = options.folder(spec);
        RuleIndex index = RuleIndex.of(folder);
        if (!index.parseProblems().isEmpty()) throw new RulesCompileException(index.parseProblems());
        List<RuleInfo> rules = index.rules().stream()
                .filter(r -> topic == null || topic.equals(r.topic()))
                .filter(r -> severity == null || severity.equals(r.severity()))
                .filter(r -> source == null || r.sources().contains(source))
                .toList();
        String version = RulesVersion.of(folder);
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rulesVersion", version);
            out.put("rules", rules.stream().map(RuleInfo::summary).toList());
            RulesCommand.printJson(spec, out);
        } else {
            var w = RulesCommand.out(spec);
            for (RuleInfo r : rules) {
                w.printf("%-28s %-22s %-8s %-10s %s%n    %s%n", r.id(), r.location(), r.severity(), r.topic(),
                        String.join(",", r.sources()), r.description());
            }
            w.printf("%d rule(s); rulesVersion %s%n", rules.size(), version);
            w.flush();
        }
        return ExitCodes.OK;
    }
}
