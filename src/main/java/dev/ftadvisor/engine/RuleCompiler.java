package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a rules folder with the KIE API (executable model) into a {@link RuleSet}. Compile
 * errors come back as {@link RulesCompileException} with the user's file names and lines. One
 * compiled set per rules content hash per process: every session shares it.
 */
public final class RuleCompiler {
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();
    private static final String KFS_ROOT = "src/main/resources/";

    private RuleCompiler() {
    }

    public static RuleSet load(ResourceFolder folder) {
        String version = RulesVersion.of(folder);
        RuleSet cached = COMPILED.get(version);
        if (cached != null) return cached;
        synchronized (COMPILED) {
            return COMPILED.computeIfAbsent(version, v -> compile(folder, v));
        }
    }

    static RuleSet compile(ResourceFolder folder, String version) {
        List<String> files = folder.list(".drl");
        if (files.isEmpty()) {
            throw new RulesCompileException(List.of(new RuleProblem(folder.label(), 1, 1, "no .drl files in the rules folder")));
        }
        RuleIndex index = RuleIndex.of(folder);
        if (!index.parseProblems().isEmpty()) {
            List<RuleProblem> problems = new ArrayList<>(index.parseProblems());
            Collections.sort(problems);
            throw new RulesCompileException(problems);
        }
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.ftadvisor.rules", "rules-" + version.replace("sha256:", ""), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> kfsToFile = new HashMap<>();
        for (String file : files) {
            String text = folder.read(file);
            String path = KFS_ROOT + packagePath(text) + baseName(file);
            kfsToFile.put(path, file);
            kfsToFile.put(path.substring(KFS_ROOT.length()), file); // executable-model errors omit the root
            kfs.write(path, text);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<RuleProblem> problems = new ArrayList<>();
            for (Message m : errors) {
                String file = m.getPath() == null ? folder.label() : kfsToFile.getOrDefault(m.getPath(), m.getPath());
                problems.add(new RuleProblem(file, m.getLine(), m.getColumn(), m.getText().replace('\n', ' ').strip()));
            }
            Collections.sort(problems);
            throw new RulesCompileException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        return new RuleSet(container.getKieBase(), index, version, folder);
    }

    /** DRL files are stored under their package's path, or Drools warns about every file. */
    static String packagePath(String drl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?").matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String baseName(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }
}
