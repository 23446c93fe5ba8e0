package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a rules folder into a {@link RuleSet}, compiling DRL (executable model, KIE API) only when
 * nothing reusable exists. In order: the set already built in this process for the folder's content
 * hash (every session shares it); the rules precompiled into the jar at build time, when the folder
 * is unedited; the disk cache entry an earlier run wrote for this hash; else a compilation, whose
 * result goes into the disk cache for the next run. Compile errors come back as
 * {@link RulesCompileException} with the user's file names and lines, and are never cached.
 * <p>Before a knowledge base is made from compiled code (which loads its classes and runs the parts
 * the executable model evaluates when it builds rules, such as salience expressions), that code is
 * read by {@link RuleBytecodeCheck}: a folder whose code reaches outside the engine is refused with
 * the rule's file and line, whether it was just compiled or read back from the disk cache. Only the
 * project's own rules (the bundled folder, or the rules precompiled into the jar) skip the check on
 * each start: the build checks them (RuleBytecodeCheckTest).
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();
    private static final String KFS_ROOT = "src/main/resources/";

    private RuleCompiler() {
    }

    /** The folder's rule set, reusing the precompiled rules or the user's disk cache. */
    public static RuleSet load(ResourceFolder folder) {
        return load(folder, true);
    }

    /**
     * With {@code useCache} false ({@code --no-cache}), neither the precompiled rules nor the disk
     * cache are read or written: the folder is compiled from its DRL text.
     */
    public static RuleSet load(ResourceFolder folder, boolean useCache) {
        return load(folder, useCache ? KnowledgeBaseCache.standard() : null);
    }

    /** As {@link #load(ResourceFolder)} with the given disk cache; null bypasses every cache but this process's. */
    public static RuleSet load(ResourceFolder folder, KnowledgeBaseCache cache) {
        String version = RulesVersion.of(folder);
        String key = (cache == null ? "fresh:" : "") + version;
        RuleSet known = COMPILED.get(key);
        if (known != null) return known;
        synchronized (COMPILED) {
            return COMPILED.computeIfAbsent(key, k -> cache == null ? compile(folder, version) : reuseOrCompile(folder, version, cache));
        }
    }

    /** The cache-using path of {@link #load(ResourceFolder)} without this process's memo (tests call it). */
    static RuleSet reuseOrCompile(ResourceFolder folder, String version, KnowledgeBaseCache cache) {
        Optional<CompiledRules> bundled = BundledRules.matching(version);
        if (bundled.isPresent()) {
            try {
                return fromCompiled(bundled.get(), folder, true);
            } catch (RuntimeException e) {
                LOG.warn("the precompiled rules in the jar do not load ({}): compiling {}", e, folder.label());
            }
        }
        Optional<CompiledRules> cached = cache.get(version);
        if (cached.isPresent()) {
            try {
                return fromCompiled(cached.get(), folder, folder.isBundled());
            } catch (RulesCompileException e) {
                // refused by the bytecode check: compiled again from the DRL below, whose check says why
                cache.discard(version, "its compiled code is refused");
            } catch (RuntimeException e) {
                cache.discard(version, "it does not load: " + e);
            }
        }
        Built built = build(folder, version);
        cache.put(built.toCompiled(version));
        return built.toRuleSet(folder, version);
    }

    /**
     * Compiles the folder from its DRL text for one-off use (the mutation tester compiles hundreds of
     * variants): no cache read or written, nothing kept in this process's memo; {@link #discard} frees
     * the module the KIE repository keeps.
     */
    public static RuleSet compileOnce(ResourceFolder folder) {
        return compile(folder, RulesVersion.of(folder));
    }

    /** Forgets a set from {@link #compileOnce}: the KIE repository holds every module built until removed. */
    public static void discard(RuleSet rules) {
        KieServices.get().getRepository().removeKieModule(releaseId(rules.rulesVersion()));
    }

    /** Compiles the folder from its DRL text, using no cache (the KIE builder's module directly). */
    static RuleSet compile(ResourceFolder folder, String version) {
        return build(folder, version).toRuleSet(folder, version);
    }

    /** Compiles the folder into its reusable form: the kjar bytes and the rule index. */
    public static CompiledRules compileModule(ResourceFolder folder, String version) {
        return build(folder, version).toCompiled(version);
    }

    /**
     * As {@link #compileModule}, without the bytecode check: what a cache entry written by an older
     * version, or altered by hand, could hold. Tests only: loading it must still go through the check.
     */
    static CompiledRules compileModuleUnchecked(ResourceFolder folder, String version) {
        Built built = build(folder, version, false);
        KieServices.get().getRepository().removeKieModule(built.releaseId());
        return built.toCompiled(version);
    }

    /**
     * A rule set from a compiled module: the kjar's generated classes are checked
     * ({@link RuleBytecodeCheck}, unless the folder is the bundled one) and loaded as they are, with no
     * DRL parsed and no Java compiled.
     */
    public static RuleSet fromCompiled(CompiledRules compiled, ResourceFolder folder) {
        return fromCompiled(compiled, folder, folder.isBundled());
    }

    private static RuleSet fromCompiled(CompiledRules compiled, ResourceFolder folder, boolean trusted) {
        // Read the kjar into memory as KieRepository.addKieModule(Resource) would, but with the
        // default kmodule set here: parsing its kmodule.xml needs drools-xml-support, which the
        // executable model otherwise never uses. The module's generated classes are used as they are.
        MemoryFileSystem files = MemoryFileSystem.readFromJar(compiled.kjar());
        List<String> ruleNames = compiled.rules().stream().map(RuleInfo::name).toList();
        RuleCode code = trusted ? RuleCode.trusted(() -> RuleBytecodeCheck.classesOfJar(compiled.kjar()), ruleNames, folder)
                : RuleCode.checked(RuleBytecodeCheck.classesOfJar(compiled.kjar()), ruleNames, folder);
        KieServices ks = KieServices.get();
        KieModuleModel kmodule = ks.newKieModuleModel();
        KieBuilderImpl.setDefaultsforEmptyKieModule(kmodule);
        ReleaseId releaseId = releaseId(compiled.rulesVersion());
        ks.getRepository().addKieModule(InternalKieModuleProvider.get(releaseId, kmodule, files));
        KieContainer container = ks.newKieContainer(releaseId);
        return new RuleSet(container.getKieBase(), RuleIndex.of(compiled.rules()), compiled.rulesVersion(), folder, code);
    }

    private static ReleaseId releaseId(String rulesVersion) {
        return KieServices.get().newReleaseId("dev.ftadvisor.rules", "rules-" + rulesVersion.replace("sha256:", ""), "1.0.0");
    }

    /** A successful compilation: the module the KIE builder left in the repository, the index, the checked code. */
    private record Built(ReleaseId releaseId, InternalKieModule module, RuleIndex index, RuleCode code) {
        RuleSet toRuleSet(ResourceFolder folder, String version) {
            KieContainer container = KieServices.get().newKieContainer(releaseId);
            return new RuleSet(container.getKieBase(), index, version, folder, code);
        }

        CompiledRules toCompiled(String version) {
            return new CompiledRules(EngineVersion.current(), version, index.rules(), module.getBytes());
        }
    }

    private static Built build(ResourceFolder folder, String version) {
        return build(folder, version, !folder.isBundled());
    }

    private static Built build(ResourceFolder folder, String version, boolean check) {
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
        ReleaseId releaseId = releaseId(version);
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> kfsToFile = new HashMap<>();
        for (String file : files) {
            String text = folder.read(file);
            String path = KFS_ROOT + packagePath(text) + baseName(file);
            kfsToFile.put(path, file);
            kfsToFile.put(path.substring(KFS_ROOT.length()), file); // executable-model errors omit the root
            kfs.write(path, text);
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | StackOverflowError e) {
            // the compiler itself gave up (a construct the executable model cannot translate)
            ks.getRepository().removeKieModule(releaseId);
            throw new RulesCompileException(List.of(new RuleProblem(folder.label(), 1, 1, "the rules do not compile: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())))));
        }
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
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> ruleNames = index.rules().stream().map(RuleInfo::name).toList();
        RuleCode code;
        if (!check) {
            code = RuleCode.trusted(() -> classesOf(module), ruleNames, folder);
        } else {
            try {
                // nothing of the module has been loaded or run yet: the check reads its bytes
                code = RuleCode.checked(classesOf(module), ruleNames, folder);
            } catch (RulesCompileException e) {
                ks.getRepository().removeKieModule(releaseId);
                throw e;
            }
        }
        return new Built(releaseId, module, index, code);
    }

    /** The compiled classes of a module the KIE builder made, by internal name. */
    private static Map<String, byte[]> classesOf(InternalKieModule module) {
        Map<String, byte[]> classes = new java.util.TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
        }
        return classes;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
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
