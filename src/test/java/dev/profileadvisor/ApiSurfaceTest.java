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
 * The shape of the library's public API: Drools stays inside {@code dev.profileadvisor.rules}, the JDK's HTTP
 * server stays inside the server's implementation, and every package says what it is for. (Javadoc on every
 * public member is checked by the javadoc doclint run at {@code verify}; see pom.xml.)
 */
class ApiSurfaceTest {
    /** Type name prefixes that must not appear in a public signature outside the packages allowed to use them. */
    static final List<String> ENGINE = List.of("org.kie.", "org.drools.");
    static final List<String> HTTP_SERVER = List.of("com.sun.net.httpserver.");

    @Test
    void noDroolsOrHttpServerTypeAppearsInAPublicSignatureOutsideTheRulesPackage() throws Exception {
        List<Class<?>> api = publicTypes();
        assertThat(api).extracting(Class::getName).contains("dev.profileadvisor.ProfileAdvisor",
                "dev.profileadvisor.json.JsonDocuments", "dev.profileadvisor.server.AdvisorServer", "dev.profileadvisor.Explanation$OfRule");
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : api) {
            if (c.getPackageName().equals("dev.profileadvisor.rules")) continue;
            leaks.addAll(leaks(c, ENGINE));
            leaks.addAll(leaks(c, HTTP_SERVER));
        }
        assertThat(leaks).isEmpty();
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
