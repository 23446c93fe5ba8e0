package dev.ftadvisor.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the classes a rules folder compiled into (the kjar the executable model generated: rule
 * definitions, constraint and consequence lambdas, functions, declared types, queries) without
 * loading or running any of them, and allows only references on an allowlist:
 * <ul>
 *   <li>the classes of the module itself (their code is checked the same way);</li>
 *   <li>the fact model's read accessors ({@code dev.ftadvisor.model}: getters, {@code is*}/{@code has*},
 *       public fields read, never written), the rules' output API ({@link RuleOutput}'s reporting
 *       methods) and the formatting helpers ({@link Num});</li>
 *   <li>{@code java.lang} arithmetic, strings, boxing and the common exceptions; {@code java.util}
 *       collections, {@code java.util.function}, sequential {@code java.util.stream}, {@code java.time},
 *       {@code java.math}, {@code java.text};</li>
 *   <li>the plumbing the executable model generates (the {@code org.drools.model} DSL, its lambda
 *       interfaces and evaluation helpers, the module's kmodule description).</li>
 * </ul>
 * Everything else is refused: files, network, processes, reflection and class objects, class
 * loading, threads and locks, {@code System}, every library on the classpath outside the list
 * (Jackson, commons-io, Undertow, JFreeSVG, jline, Drools' own I/O and compilers, KieServices beyond
 * the kmodule description), the rule context beyond inserting and updating facts, catching errors
 * (a stopped rule must stop) and methods the model has for the engine only (setters). Because the
 * check reads bytes, spelling (fully qualified names, unicode escapes, split tokens, text blocks,
 * method references, MVEL) does not matter: whatever the DRL said, this is what would run.
 */
public final class RuleBytecodeCheck {
    /** One refused reference: where it is (class, method) and what it names. */
    public record Violation(String className, String method, String reference, String why) {
    }

    /** What the check found: the refused references and, per generated class, the rule it belongs to. */
    public record Result(List<Violation> violations, Map<String, String> classToRule, Map<String, String> methodToRule) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private static final String MODEL = "dev/ftadvisor/model/";
    private static final String OUTPUT = "dev/ftadvisor/engine/RuleOutput";
    private static final String NUM = "dev/ftadvisor/engine/Num";
    private static final String THRESHOLDS = "dev/ftadvisor/model/Thresholds";
    /** Immutable facts a rule derives and inserts logically (classes.drl): their constructors may be called. */
    private static final Set<String> DERIVED_FACTS = Set.of("dev/ftadvisor/model/ModelClass");

    /** RuleOutput's reporting methods and the read-only queries a rule may make of it. */
    private static final Set<String> OUTPUT_METHODS = Set.of("note", "advise", "reject", "overBudget", "overDeadline",
            "outOfRegion", "notRecommended", "suspect", "notRecommendedPricing", "outOfRegionGroup", "tieTolerance",
            "rank", "acceptChange", "verdict", "isRegionGroupSetAside", "isMissed", "isRejected", "isAsProposed",
            "isStanding");

    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "StringBuilder", "StringBuffer",
            "CharSequence", "Character", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Number",
            "Math", "StrictMath", "Comparable", "Iterable", "Enum", "Record", "Void", "Throwable", "Exception",
            "RuntimeException", "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
            "NullPointerException", "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException",
            "StringIndexOutOfBoundsException", "ClassCastException", "UnsupportedOperationException",
            "NumberFormatException", "NegativeArraySizeException", "CloneNotSupportedException");

    private static final Set<String> JAVA_UTIL = Set.of("Collection", "List", "ArrayList", "LinkedList", "Map",
            "Map$Entry", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap", "Set", "HashSet",
            "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Queue", "Deque", "ArrayDeque", "PriorityQueue",
            "Iterator", "ListIterator", "Collections", "Arrays", "Objects", "Optional", "OptionalDouble",
            "OptionalInt", "OptionalLong", "Comparator", "Locale", "StringJoiner", "EnumMap", "EnumSet", "BitSet",
            "AbstractMap$SimpleEntry", "AbstractMap$SimpleImmutableEntry", "DoubleSummaryStatistics",
            "IntSummaryStatistics", "LongSummaryStatistics", "NoSuchElementException", "Random");

    /** Methods refused even on an allowed class: class objects, monitors, system properties, global state, threads. */
    private static final Set<String> DENIED_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "finalize",
            "printStackTrace", "getInteger", "getLong", "getBoolean", "getDeclaringClass", "describeConstable",
            "parallel", "parallelStream", "parallelSort", "parallelPrefix", "parallelSetAll");

    /** The executable model's consequence context: inserting, updating and deleting facts, nothing more. */
    private static final Set<String> DROOLS_CONTEXT_METHODS = Set.of("insert", "update", "delete", "logicalInsert");

    /** Bootstrap methods javac and the model compiler use for lambdas, method references and string concatenation. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap");

    private RuleBytecodeCheck() {
    }

    /** The .class entries of a kjar, by internal name (without ".class"). */
    public static Map<String, byte[]> classesOfJar(byte[] kjar) {
        Map<String, byte[]> classes = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    classes.put(e.getName().substring(0, e.getName().length() - ".class".length()), z.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    /** Checks every class; {@code ruleNames} (rules and queries) tie generated classes to the rule they implement. */
    public static Result check(Map<String, byte[]> classes, Collection<String> ruleNames) {
        Map<String, ClassShape> shapes = new HashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            shapes.put(e.getKey(), ClassShape.read(e.getValue()));
        }
        Set<String> names = new HashSet<>(ruleNames);
        Map<String, String> byMethodName = new HashMap<>();
        for (String n : ruleNames) {
            byMethodName.put("rule_" + javaIdentifier(n), n);
            byMethodName.put("query_" + javaIdentifier(n), n);
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Set<String>> references = new HashMap<>();
        Map<String, String> ruleMethods = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            String name = e.getKey();
            ClassShape shape = shapes.get(name);
            if (!name.equals(shape.name)) {
                violations.add(new Violation(name, null, shape.name, "a class stored under another class's name"));
            }
            // a class of the module that the application could also load would be judged by its own
            // (checked) code here but run as the application's: refused whatever it is
            if (RuleBytecodeCheck.class.getClassLoader().getResource(name + ".class") != null) {
                violations.add(new Violation(name, null, name.replace('/', '.'),
                        "declares a class that already exists in the application"));
            }
            Checker checker = new Checker(name, shapes, violations, references, ruleMethods, names, byMethodName);
            new ClassReader(e.getValue()).accept(checker, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        Map<String, String> owners = owners(ruleMethods, references);
        Map<String, String> methodToRule = new HashMap<>();
        owners.forEach((k, v) -> {
            if (k.indexOf('#') > 0) methodToRule.put(k, v);
        });
        Map<String, String> classToRule = new HashMap<>();
        owners.forEach((k, v) -> {
            if (k.indexOf('#') < 0) classToRule.put(k, v);
        });
        ruleMethods.forEach(methodToRule::put);
        return new Result(List.copyOf(violations), Map.copyOf(classToRule), Map.copyOf(methodToRule));
    }

    /**
     * Each generated class's rule: the classes a rule's definition method names (its constraint and
     * consequence lambdas), then what those name, breadth first; the first rule to reach a class owns it.
     */
    private static Map<String, String> owners(Map<String, String> ruleMethods, Map<String, Set<String>> references) {
        Map<String, String> owner = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Map.Entry<String, String> m : ruleMethods.entrySet()) {
            for (String c : references.getOrDefault(m.getKey(), Set.of())) {
                if (owner.putIfAbsent(c, m.getValue()) == null) queue.add(c);
            }
        }
        while (!queue.isEmpty()) {
            String c = queue.poll();
            for (String next : references.getOrDefault(c, Set.of())) {
                if (owner.putIfAbsent(next, owner.get(c)) == null) queue.add(next);
            }
        }
        // the rule-definition classes themselves belong to no one rule
        ruleMethods.keySet().forEach(k -> owner.remove(k.substring(0, k.indexOf('#'))));
        return Map.copyOf(owner);
    }

    /** The declared members and supertypes of a generated class (first pass: calls on it resolve here). */
    private record ClassShape(String name, String superName, Set<String> methods) {
        static ClassShape read(byte[] bytes) {
            ClassReader r = new ClassReader(bytes);
            Set<String> methods = new HashSet<>();
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    methods.add(name + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassShape(r.getClassName(), r.getSuperName(), methods);
        }
    }

    private static final class Checker extends ClassVisitor {
        private final String className;
        private final Map<String, ClassShape> shapes;
        private final List<Violation> violations;
        private final Map<String, Set<String>> references;
        private final Map<String, String> ruleMethods;
        private final Set<String> ruleNames;
        private final Map<String, String> byMethodName;

        Checker(String className, Map<String, ClassShape> shapes, List<Violation> violations,
                Map<String, Set<String>> references, Map<String, String> ruleMethods, Set<String> ruleNames,
                Map<String, String> byMethodName) {
            super(Opcodes.ASM9);
            this.className = className;
            this.shapes = shapes;
            this.violations = violations;
            this.references = references;
            this.ruleMethods = ruleMethods;
            this.ruleNames = ruleNames;
            this.byMethodName = byMethodName;
        }

        /** Rule-definition methods are told apart by name only: their overloads do not matter here. */
        private String methodKey(String method) {
            return className + "#" + method;
        }

        private void refuse(String method, String reference, String why) {
            violations.add(new Violation(className, method, reference, why));
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) type(null, superName);
            if (interfaces != null) for (String i : interfaces) type(null, i);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(null, descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(name, descriptor);
            if (exceptions != null) for (String ex : exceptions) type(name, ex);
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) refuse(name, "synchronized", "locks");
            String methodKey = methodKey(name);
            // the executable model names a rule's (or query's) definition method after it: rule_Name_32with_32spaces
            String named = byMethodName.get(name);
            if (named != null) ruleMethods.putIfAbsent(methodKey, named);
            return new MethodVisitor(Opcodes.ASM9) {
                private String lastString;
                private boolean definesRule;

                @Override
                public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean isInterface) {
                    if ((mName.equals("rule") || mName.equals("query")) && owner.startsWith("org/drools/")) {
                        definesRule = true;
                        if (lastString != null && ruleNames.contains(lastString)) ruleMethods.putIfAbsent(methodKey, lastString);
                    }
                    member(name, owner, mName, mDesc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {
                    field(name, opcode, owner, fName, fDesc);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(name, type);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                    descriptor(name, descriptor);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String s) {
                        lastString = s;
                        if (definesRule && ruleNames.contains(s)) ruleMethods.putIfAbsent(methodKey, s);
                    }
                    constant(name, value);
                }

                @Override
                public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... args) {
                    if (!BOOTSTRAPS.contains(bsm.getOwner() + "." + bsm.getName())) {
                        refuse(name, bsm.getOwner().replace('/', '.') + "." + bsm.getName(), "a dynamic call site");
                    }
                    descriptor(name, iDesc);
                    for (Object a : args) constant(name, a);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type == null) {
                        refuse(name, "finally", "a finally block or catch-all (it would keep a stopped rule running)");
                    } else if (!type.startsWith(className) && !isCatchableException(type)) {
                        refuse(name, type.replace('/', '.'), "catching errors (it would keep a stopped rule running)");
                    } else {
                        type(name, type);
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) refuse(name, "synchronized", "locks");
                }
            };
        }

        private void constant(String method, Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) descriptor(method, t.getDescriptor());
                else type(method, t.getSort() == Type.ARRAY ? t.getElementType().getInternalName() : t.getInternalName());
            } else if (value instanceof Handle h) {
                if (method != null && h.getOwner().equals(className)) {
                    // a lambda of this method (a rule definition's inline constraint or salience): its body is the rule's
                    references.computeIfAbsent(methodKey(method), k -> new LinkedHashSet<>()).add(methodKey(h.getName()));
                }
                if (h.getTag() <= Opcodes.H_PUTSTATIC) {
                    field(method, h.getTag() == Opcodes.H_GETFIELD ? Opcodes.GETFIELD : h.getTag() == Opcodes.H_GETSTATIC
                            ? Opcodes.GETSTATIC : Opcodes.PUTFIELD, h.getOwner(), h.getName(), h.getDesc());
                } else {
                    member(method, h.getOwner(), h.getName(), h.getDesc());
                }
            } else if (value instanceof ConstantDynamic cd) {
                refuse(method, cd.getBootstrapMethod().getOwner().replace('/', '.') + "." + cd.getBootstrapMethod().getName(),
                        "a dynamic constant");
            }
        }

        private void descriptor(String method, String descriptor) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                for (Type a : t.getArgumentTypes()) typeOf(method, a);
                typeOf(method, t.getReturnType());
            } else {
                typeOf(method, t);
            }
        }

        private void typeOf(String method, Type t) {
            if (t.getSort() == Type.ARRAY) t = t.getElementType();
            if (t.getSort() == Type.OBJECT) type(method, t.getInternalName());
        }

        private void type(String method, String internalName) {
            String name = internalName;
            if (name.startsWith("[")) {
                Type t = Type.getType(name).getElementType();
                if (t.getSort() != Type.OBJECT) return;
                name = t.getInternalName();
            }
            if (shapes.containsKey(name)) {
                if (!name.equals(className)) references.computeIfAbsent(className, k -> new LinkedHashSet<>()).add(name);
                if (method != null) references.computeIfAbsent(methodKey(method), k -> new LinkedHashSet<>()).add(name);
                return;
            }
            if (!allowedType(name)) refuse(method, name.replace('/', '.'), "a class outside the rules' allowlist");
        }

        private void field(String method, int opcode, String owner, String name, String desc) {
            if (shapes.containsKey(owner)) {
                type(method, owner);
                return;
            }
            boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
            if (write) {
                refuse(method, owner.replace('/', '.') + "." + name, "writing a field of a class outside the rules");
                return;
            }
            if (!allowedType(owner)) {
                refuse(method, owner.replace('/', '.') + "." + name, "a class outside the rules' allowlist");
                return;
            }
            descriptor(method, desc);
        }

        private void member(String method, String owner, String name, String desc) {
            if (owner.startsWith("[")) {
                // arrays: clone() and Object's methods
                if (name.equals("clone")) return;
                owner = "java/lang/Object";
            }
            // a call on a class of the module: fine if declared there, else judged where it is inherited from
            String resolved = owner;
            while (shapes.containsKey(resolved)) {
                ClassShape s = shapes.get(resolved);
                if (s.methods.contains(name + desc)) {
                    type(method, owner);
                    if (!resolved.equals(className)) {
                        // a call into another class of the module (a DRL function): its caller's rule owns it
                        String callee = resolved + "#" + name;
                        references.computeIfAbsent(className, k -> new LinkedHashSet<>()).add(callee);
                        if (method != null) references.computeIfAbsent(methodKey(method), k -> new LinkedHashSet<>()).add(callee);
                    }
                    return;
                }
                resolved = s.superName == null ? "java/lang/Object" : s.superName;
            }
            if (!resolved.equals(owner)) type(method, owner);
            String why = memberRefusal(resolved, name, desc);
            if (why != null) refuse(method, resolved.replace('/', '.') + "." + name, why);
            else descriptor(method, desc);
        }
    }

    /** A rule name as the executable model spells it in a method name: other characters become _ and their code. */
    static String javaIdentifier(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') sb.append(c);
            else sb.append('_').append((int) c);
        }
        return sb.toString();
    }

    /** The classes a catch clause may name: exceptions, never errors (ThreadDeath, StackOverflowError...). */
    private static boolean isCatchableException(String type) {
        if (!type.startsWith("java/lang/")) return false;
        String simple = type.substring("java/lang/".length());
        return JAVA_LANG.contains(simple) && !simple.equals("Throwable") && !simple.equals("Object");
    }

    /** Null when allowed, else why not. */
    static String memberRefusal(String owner, String name, String desc) {
        if (!allowedType(owner)) return "a class outside the rules' allowlist";
        if (DENIED_METHODS.contains(name)) {
            return owner.startsWith(MODEL) ? "a method the model keeps for the engine" : "a method outside the rules' allowlist";
        }
        if (owner.startsWith(MODEL)) {
            // the named thresholds are read by name (value, text); a derived fact (a ModelClass) may be built to insert
            if (owner.equals(THRESHOLDS) && (name.equals("value") || name.equals("text"))) return null;
            // the formatting helpers, by their model name (dev.ftadvisor.engine.Num delegates to them)
            if (owner.equals(MODEL + "Num") && Set.of("f1", "f0", "usd", "pct").contains(name)) return null;
            if (DERIVED_FACTS.contains(owner) && name.equals("<init>")) return null;
            if (name.startsWith("get") || name.startsWith("is") || name.startsWith("has") || name.equals("equals")
                    || name.equals("hashCode") || name.equals("toString") || name.equals("compareTo")) {
                return null;
            }
            return "a model method that is not a read accessor (rules read facts, they never change them)";
        }
        if (owner.equals(OUTPUT)) {
            return OUTPUT_METHODS.contains(name) ? null : "a RuleOutput method that is not a rules' reporting method";
        }
        if (owner.equals("org/drools/model/Drools") || owner.equals("org/drools/model/DroolsEntryPoint")) {
            return DROOLS_CONTEXT_METHODS.contains(name) ? null
                    : "the rule context beyond inserting, updating and deleting facts";
        }
        if (owner.equals("org/kie/api/KieServices")) {
            return name.equals("get") || name.equals("newKieModuleModel") ? null : "KieServices beyond the kmodule description";
        }
        if (owner.equals("org/drools/util/DateUtils")) {
            return name.equals("getDateFormatMask") ? null : "a Drools utility outside the rules' allowlist";
        }
        if (owner.equals("java/util/Locale") && name.equals("setDefault")) return "changing the JVM's default locale";
        if (owner.equals("java/lang/invoke/SerializedLambda")) {
            return name.startsWith("get") ? null : "a method outside the rules' allowlist";
        }
        if (owner.equals("java/lang/Class")) return "class objects (reflection, class loading)";
        if (owner.equals("java/lang/System")) {
            return name.equals("arraycopy") ? null : "System";
        }
        return null;
    }

    /** Whether code may name the class at all (methods are then judged by {@link #memberRefusal}). */
    static boolean allowedType(String internalName) {
        String n = internalName;
        if (n.startsWith(MODEL)) return n.indexOf('/', MODEL.length()) < 0;
        if (n.equals(OUTPUT) || n.equals(NUM)) {
            return true;
        }
        if (n.equals("java/lang/invoke/SerializedLambda")) return true; // read by $deserializeLambda$ of serializable lambdas
        if (n.startsWith("java/lang/")) {
            String simple = n.substring("java/lang/".length());
            // Class and System may be named (class literals of allowed classes, System.arraycopy), their methods are refused
            return JAVA_LANG.contains(simple) || n.equals("java/lang/System") || n.equals("java/lang/Class");
        }
        if (n.startsWith("java/util/")) {
            String rest = n.substring("java/util/".length());
            if (rest.startsWith("function/")) return rest.indexOf('/', "function/".length()) < 0;
            if (rest.startsWith("stream/")) return rest.indexOf('/', "stream/".length()) < 0;
            return JAVA_UTIL.contains(rest);
        }
        if (n.startsWith("java/time/")) return !n.startsWith("java/time/zone/");
        if (n.startsWith("java/math/")) return true;
        if (n.startsWith("java/text/")) return true;
        // the executable model's generated plumbing
        if (n.startsWith("org/drools/model/")) return true;
        if (n.startsWith("org/drools/modelcompiler/dsl/")) return true;
        if (n.equals("org/drools/modelcompiler/util/EvaluationUtil") || n.equals("org/drools/modelcompiler/CanonicalKieModuleModel")) {
            return true;
        }
        if (n.equals("java/io/Serializable") || n.equals("org/drools/base/factmodel/GeneratedFact")
                || n.equals("org/drools/base/factmodel/AccessibleFact") || n.equals("org/kie/api/builder/ReleaseId")) {
            return true; // what declared types implement, and the kmodule's release id
        }
        if (n.startsWith("org/kie/api/builder/model/") || n.startsWith("org/kie/api/conf/")
                || n.equals("org/kie/api/runtime/conf/ClockTypeOption") || n.equals("org/kie/api/KieServices")
                || n.equals("org/kie/util/maven/support/ReleaseIdImpl")) {
            return true;
        }
        return n.equals("org/drools/util/DateUtils");
    }
}
