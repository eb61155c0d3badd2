package dev.profileadvisor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the library's public API: Drools stays inside {@code dev.profileadvisor.engine}, the HTTP
 * server stays inside the server's implementation, the facade and everything reachable from its signatures speak
 * only API types (no engine, fact or loader type), and every package says what it is for. (Javadoc on every
 * public member is checked by the javadoc doclint run at {@code verify}; see pom.xml.)
 */
class ApiSurfaceTest {
    /** Type name prefixes that must not appear in a public signature outside the packages allowed to use them. */
    static final List<String> ENGINE = List.of("org.kie.", "org.drools.");
    static final List<String> HTTP_SERVER = List.of("com.sun.net.httpserver.", "org.eclipse.jetty.");

    @Test
    void noDroolsOrHttpServerTypeAppearsInAPublicSignatureOutsideTheEnginePackage() throws Exception {
        List<Class<?>> api = publicTypes();
        assertThat(api).extracting(Class::getName).contains("dev.profileadvisor.ProfileAdvisor",
                "dev.profileadvisor.json.JsonDocuments", "dev.profileadvisor.server.AdvisorServer", "dev.profileadvisor.explain.Explanation$OfRule");
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : api) {
            if (c.getPackageName().equals("dev.profileadvisor.engine")) continue;
            leaks.addAll(leaks(c, ENGINE));
            leaks.addAll(leaks(c, HTTP_SERVER));
        }
        assertThat(leaks).isEmpty();
    }

    /** What a caller of the facade must never meet: the engine, the facts the rules match, the loaders. */
    static final List<String> NOT_API = List.of("org.", "com.", "dev.profileadvisor.engine.", "dev.profileadvisor.facts.",
            "dev.profileadvisor.manifest.", "dev.profileadvisor.cli.", "dev.profileadvisor.server.", "dev.profileadvisor.json.",
            "dev.profileadvisor.knowledge.KnowledgeLoader", "dev.profileadvisor.knowledge.TomlNode",
            "dev.profileadvisor.catalog.RuleFile", "dev.profileadvisor.catalog.RuleCatalog",
            "dev.profileadvisor.recommend.Recommender", "dev.profileadvisor.audit.Auditor", "dev.profileadvisor.apply.Planner",
            "dev.profileadvisor.explain.Explainer");

    @Test
    void theFacadeAndWhatItReturnsSpeakOnlyApiTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : reachableFrom(ProfileAdvisor.class)) leaks.addAll(leaks(c, NOT_API));
        assertThat(reachableFrom(ProfileAdvisor.class)).extracting(Class::getSimpleName)
                .contains("Recommendation", "AuditReport", "ApplyPlan", "Explanation", "Trace", "RuleDoc", "Knowledge");
        assertThat(leaks).isEmpty();
    }

    /** The check fails for a facade that hands out an engine type. */
    @Test
    void theFacadeCheckFindsAnEngineTypeInASignature() {
        assertThat(leaks(LeakyFacade.class, NOT_API)).containsExactly(
                "dev.profileadvisor.ApiSurfaceTest$LeakyFacade.rules() mentions dev.profileadvisor.engine.RuleBase");
    }

    /** A facade that leaks an engine type, to show the check can fail. */
    public static final class LeakyFacade {
        /** @return an engine type in a public signature */
        public dev.profileadvisor.engine.RuleBase rules() {
            return null;
        }
    }

    /** {@code start} and every project type its public signatures mention, transitively. */
    static Set<Class<?>> reachableFrom(Class<?> start) {
        Set<Class<?>> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) continue;
            Set<String> names = new HashSet<>();
            List<Type> types = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                if (!visible(m.getModifiers()) || m.isSynthetic()) continue;
                types.add(m.getGenericReturnType());
                types.addAll(List.of(m.getGenericParameterTypes()));
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) if (visible(k.getModifiers())) types.addAll(List.of(k.getGenericParameterTypes()));
            types.addAll(List.of(c.getGenericInterfaces()));
            for (Class<?> nested : c.getDeclaredClasses()) if (isApi(nested)) types.add(nested);
            if (c.isSealed()) types.addAll(List.of(c.getPermittedSubclasses()));
            for (Type t : types) collect(t, names, new HashSet<>());
            for (String n : names) {
                if (!n.startsWith("dev.profileadvisor.") || n.contains("Test$")) continue;
                try {
                    todo.push(Class.forName(n, false, ApiSurfaceTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return seen;
    }

    /** A type that leaks Drools, to show the check can fail. */
    public static final class Leaky {
        /** @return a Drools type in a public signature */
        public java.util.List<org.kie.api.KieBase> bases() {
            return List.of();
        }
    }

    @Test
    void theCheckFindsADroolsTypeInAGenericReturnType() {
        assertThat(leaks(Leaky.class, ENGINE)).containsExactly(
                "dev.profileadvisor.ApiSurfaceTest$Leaky.bases() mentions org.kie.api.KieBase");
    }

    @Test
    void everyPackageHasAPackageInfoSayingWhatItIsFor() throws IOException {
        Path root = Path.of("src/main/java");
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(root)) {
            packages = walk.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".java"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(packages).hasSizeGreaterThanOrEqualTo(7);
        for (Path p : packages) {
            Path info = p.resolve("package-info.java");
            assertThat(info).as("package %s", root.relativize(p)).exists();
            String text = Files.readString(info);
            assertThat(text).as("%s has a Javadoc comment", info).contains("/**");
        }
    }

    /** Public top-level and nested types (whose enclosing types are public too) in target/classes. */
    static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ProfileAdvisor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) continue;
                Class<?> c = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
                if (isApi(c)) out.add(c);
            }
        }
        return out;
    }

    static boolean isApi(Class<?> c) {
        for (Class<?> x = c; x != null; x = x.getEnclosingClass()) {
            if (!Modifier.isPublic(x.getModifiers()) || x.isAnonymousClass() || x.isLocalClass() || x.isSynthetic()) return false;
        }
        return true;
    }

    /** Every public or protected signature of a type that mentions a type whose name starts with a forbidden prefix. */
    static List<String> leaks(Class<?> c, List<String> forbidden) {
        List<String> out = new ArrayList<>();
        check(out, forbidden, c.getName() + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) check(out, forbidden, c.getName() + " implements", t);
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers())) check(out, forbidden, c.getName() + "." + f.getName(), f.getGenericType());
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (!visible(k.getModifiers())) continue;
            for (Type t : k.getGenericParameterTypes()) check(out, forbidden, c.getName() + "(…)", t);
            for (Type t : k.getGenericExceptionTypes()) check(out, forbidden, c.getName() + "(…) throws", t);
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!visible(m.getModifiers()) || m.isSynthetic() || m.isBridge()) continue;
            String where = c.getName() + "." + m.getName() + "()";
            check(out, forbidden, where, m.getGenericReturnType());
            for (Type t : m.getGenericParameterTypes()) check(out, forbidden, where, t);
            for (Type t : m.getGenericExceptionTypes()) check(out, forbidden, where, t);
            for (TypeVariable<Method> v : m.getTypeParameters()) check(out, forbidden, where, v);
        }
        return out;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> out, List<String> forbidden, String where, Type type) {
        Set<String> names = new HashSet<>();
        collect(type, names, new HashSet<>());
        names.stream().filter(n -> forbidden.stream().anyMatch(n::startsWith)).sorted()
                .forEach(n -> out.add(where + " mentions " + n));
    }

    private static void collect(Type t, Set<String> names, Set<Type> seen) {
        if (t == null || !seen.add(t)) return;
        if (t instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            names.add(c.getName());
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), names, seen);
            collect(p.getOwnerType(), names, seen);
            for (Type a : p.getActualTypeArguments()) collect(a, names, seen);
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), names, seen);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) collect(b, names, seen);
            for (Type b : w.getLowerBounds()) collect(b, names, seen);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) collect(b, names, seen);
        }
    }
}
