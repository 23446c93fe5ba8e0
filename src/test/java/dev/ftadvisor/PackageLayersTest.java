package dev.ftadvisor;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages form layers, each using only the layers below it (the fact model and I/O at the
 * bottom, the CLI at the top), and no two packages depend on each other through any path. Checked on
 * the compiled classes, so a fully qualified name in code counts as much as an import.
 */
@AnalyzeClasses(packages = "dev.ftadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {
    /** Bottom to top; packages in one layer are peers and do not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("model", "io"),
            List.of("i18n"),
            List.of("facts"),
            List.of("input"),
            List.of("estimate", "ranking"),
            List.of("engine"),
            List.of("report"),
            List.of("consult"),
            List.of("audit", "batch", "server", "catalog"),
            List.of("cli"));

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.ftadvisor.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noUpwardOrSidewaysUse = classes().that().resideInAPackage("dev.ftadvisor.(*)..")
            .should(new ArchCondition<>("use only packages of the layers below their own") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String from = top(c.getPackageName());
                    Integer fromLayer = layerOf(from);
                    if (fromLayer == null) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " is in package '" + from
                                + "', which PackageLayersTest.LAYERS does not place"));
                        return;
                    }
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        String to = top(d.getTargetClass().getPackageName());
                        if (to == null || to.equals(from)) continue;
                        Integer toLayer = layerOf(to);
                        if (toLayer == null || toLayer >= fromLayer) {
                            events.add(SimpleConditionEvent.violated(d, from + " -> " + to + ": " + d.getDescription()));
                        }
                    }
                }
            });

    private static final Map<String, Integer> RANK = rank();

    private static Map<String, Integer> rank() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) for (String p : LAYERS.get(i)) m.put(p, i);
        return m;
    }

    static Integer layerOf(String pkg) {
        return RANK.get(pkg);
    }

    /** "engine" for dev.ftadvisor.engine.x; null outside the project. */
    static String top(String pkg) {
        if (!pkg.startsWith("dev.ftadvisor.")) return null;
        String rest = pkg.substring("dev.ftadvisor.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
