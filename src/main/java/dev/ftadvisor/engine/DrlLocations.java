package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the named parts of a rules folder are (rules and queries, functions, declared types), for
 * messages about compiled code: a generated class or method is traced back to the DRL that made it.
 * Parsed only when such a message is needed (a refused folder, a rule stopped at run time).
 */
final class DrlLocations {
    /** A named part of the DRL: "rule 'x'", "function 'f'", "declare T", at file:line. */
    record Place(String what, String file, int line) {
    }

    private final Map<String, Place> rules = new HashMap<>();
    private final Map<String, Place> functions = new HashMap<>();
    private final Map<String, Place> types = new HashMap<>();

    static DrlLocations of(ResourceFolder folder) {
        DrlLocations l = new DrlLocations();
        if (folder == null) return l;
        for (String file : folder.list(".drl")) {
            PackageDescr pkg;
            try {
                pkg = new DrlParser().parse(false, folder.read(file));
            } catch (Exception | StackOverflowError e) {
                continue;
            }
            if (pkg == null) continue;
            for (RuleDescr r : pkg.getRules()) {
                String kind = r.isQuery() ? "query" : "rule";
                l.rules.putIfAbsent(r.getName(), new Place(kind + " '" + r.getName() + "'", file, r.getLine()));
            }
            for (FunctionDescr f : pkg.getFunctions()) {
                l.functions.putIfAbsent(f.getName(), new Place("function '" + f.getName() + "'", file, f.getLine()));
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                l.types.putIfAbsent(t.getTypeName(), new Place("declare " + t.getTypeName(), file, t.getLine()));
            }
        }
        return l;
    }

    Place rule(String name) {
        return name == null ? null : rules.get(name);
    }

    Place function(String name) {
        return name == null ? null : functions.get(name);
    }

    /** A declared type by its class's simple name. */
    Place type(String internalClassName) {
        String simple = internalClassName.substring(internalClassName.lastIndexOf('/') + 1);
        return types.get(simple);
    }
}
