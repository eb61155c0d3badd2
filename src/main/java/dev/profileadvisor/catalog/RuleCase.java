package dev.profileadvisor.catalog;

import dev.profileadvisor.toml.TomlText;

import java.util.List;
import java.util.Map;

/**
 * A small scenario that proves a rule works: inputs, and whether the rule must fire or stay silent.
 *
 * @param rule     the rule id
 * @param name     what the case shows
 * @param file     the TOML file it is in
 * @param line     its line
 * @param goals    goal arguments as a user types them ({@code "fast-runtime=2"})
 * @param profile  target profile, or empty for the goals' natural profile
 * @param inherits parent of a custom profile, or empty
 * @param expect   whether the rule must fire or stay silent
 * @param settings expected decided value ids, setting → value id (may be empty)
 * @param manifest for audit cases: the root {@code Cargo.toml} as the case writes it (see {@link #writtenManifest()});
 *                 empty for recommend cases
 * @param config   for audit cases: a {@code .cargo/config.toml}, or empty
 * @param env      for audit cases: environment variables
 * @param files    for audit cases: more files, relative path → content (members, sources)
 * @param at       for audit cases: the line the finding must be on in its file, 0 for any
 * @param column   for audit cases: the column the finding must be at, 0 for any
 * @param message  for audit cases: the message the finding must have, exactly; empty for any
 * @param messageContains for audit cases: text the finding's message must contain; empty for any
 * @param host     for recommend cases: the machine that builds ({@code triple}, {@code rustc}, {@code programs} on PATH
 *                 separated by spaces, {@code cc}); empty for the host the knowledge assumes
 * @param targetCpu for recommend cases: the {@code --target-cpu}, or empty
 * @param rustflags for recommend cases: arguments the plan's {@code .cargo/config.toml} rustflags must hold, in order
 * @param measured  for recommend cases: key → value id a measurement found best for the case's first goal ({@code --measured})
 * @param linker   for recommend cases: the linker the plan must write, or empty
 */
public record RuleCase(String rule, String name, String file, int line, List<String> goals, String profile,
                       String inherits, Expect expect, Map<String, String> settings, String manifest, String config,
                       Map<String, String> env, Map<String, String> files, int at,
                       int column, String message, String messageContains, Map<String, String> host, String targetCpu,
                       List<String> rustflags, String linker, Map<String, String> measured) {
    /**
     * Checks that the expectation is given, that a case expecting a message expects the rule to fire, that every
     * {@code files} entry stays inside the case's directory ({@link #outsideScratch}) and that the line and column
     * are not negative, and copies the collections.
     *
     * @param rule     the rule id
     * @param name     what the case shows
     * @param file     the TOML file it is in
     * @param line     its line
     * @param goals    goal arguments as a user types them ({@code "fast-runtime=2"})
     * @param profile  target profile, or empty for the goals' natural profile
     * @param inherits parent of a custom profile, or empty
     * @param expect   whether the rule must fire or stay silent
     * @param settings expected decided value ids, setting → value id (may be empty)
     * @param manifest for audit cases: the root {@code Cargo.toml}; empty for recommend cases
     * @param config   for audit cases: a {@code .cargo/config.toml}, or empty
     * @param env      for audit cases: environment variables
     * @param files    for audit cases: more files, relative path → content
     * @param at       for audit cases: the line the finding must be on, 0 for any
     * @param column   for audit cases: the column the finding must be at, 0 for any
     * @param message  for audit cases: the message the finding must have, exactly; empty for any
     * @param messageContains for audit cases: text the finding's message must contain; empty for any
     * @param host     for recommend cases: the machine that builds; empty for the host the knowledge assumes
     * @param targetCpu for recommend cases: the {@code --target-cpu}, or empty
     * @param rustflags for recommend cases: arguments the plan's rustflags must hold, in order
     * @param linker   for recommend cases: the linker the plan must write, or empty
     * @param measured for recommend cases: key → value id measured best for the first goal
     */
    public RuleCase {
        java.util.Objects.requireNonNull(expect, "expect");
        if (expect == Expect.SILENT && !(message.isEmpty() && messageContains.isEmpty())) {
            throw new IllegalArgumentException("a silent case has no message to check");
        }
        for (String path : files.keySet()) {
            outsideScratch(path).ifPresent(why -> {
                throw new IllegalArgumentException("`files` entry `" + path + "` " + why);
            });
        }
        if (at < 0 || column < 0) throw new IllegalArgumentException("a line or column is 1 or more (0 for any), found " + at + ":" + column);
        goals = List.copyOf(goals);
        settings = Map.copyOf(settings);
        env = Map.copyOf(env);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        host = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(host));
        rustflags = List.copyOf(rustflags);
        measured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measured));
    }

    /**
     * A case with nothing measured.
     *
     * @param rule     the rule id
     * @param name     what the case shows
     * @param file     the sidecar, from the repository root
     * @param line     the line of the case's table
     * @param goals    goals for recommend cases
     * @param profile  the profile for recommend cases, or empty
     * @param inherits the parent for recommend cases, or empty
     * @param expect   whether the rule fires
     * @param settings for recommend cases: key → value id expected
     * @param manifest for audit cases: the Cargo.toml
     * @param config   for audit cases: a config file, or empty
     * @param env      for audit cases: environment variables
     * @param files    for audit cases: more files
     * @param at       for audit cases: the finding's line, 0 for any
     * @param column   for audit cases: the finding's column, 0 for any
     * @param message  for audit cases: the exact message, empty for any
     * @param messageContains for audit cases: part of the message, empty for any
     * @param host     for recommend cases: the machine that builds
     * @param targetCpu for recommend cases: the {@code --target-cpu}, or empty
     * @param rustflags for recommend cases: arguments the plan's rustflags must hold
     * @param linker   for recommend cases: the linker the plan must write, or empty
     */
    public RuleCase(String rule, String name, String file, int line, List<String> goals, String profile,
                    String inherits, Expect expect, Map<String, String> settings, String manifest, String config,
                    Map<String, String> env, Map<String, String> files, int at, int column, String message, String messageContains,
                    Map<String, String> host, String targetCpu, List<String> rustflags, String linker) {
        this(rule, name, file, line, goals, profile, inherits, expect, settings, manifest, config, env, files, at, column, message,
                messageContains, host, targetCpu, rustflags, linker, Map.of());
    }

    /**
     * A case without target settings (no host, CPU, rustflags or linker).
     *
     * @param rule     the rule id
     * @param name     what the case shows
     * @param file     the TOML file it is in
     * @param line     its line
     * @param goals    goal arguments as a user types them
     * @param profile  target profile, or empty
     * @param inherits parent of a custom profile, or empty
     * @param expect   whether the rule must fire or stay silent
     * @param settings expected decided value ids
     * @param manifest for audit cases: the root {@code Cargo.toml}
     * @param config   for audit cases: a {@code .cargo/config.toml}, or empty
     * @param env      for audit cases: environment variables
     * @param files    for audit cases: more files
     * @param at       for audit cases: the line the finding must be on, 0 for any
     * @param column   for audit cases: the column the finding must be at, 0 for any
     * @param message  for audit cases: the message the finding must have, exactly; empty for any
     * @param messageContains for audit cases: text the finding's message must contain; empty for any
     */
    public RuleCase(String rule, String name, String file, int line, List<String> goals, String profile,
                    String inherits, Expect expect, Map<String, String> settings, String manifest, String config,
                    Map<String, String> env, Map<String, String> files, int at, int column, String message, String messageContains) {
        this(rule, name, file, line, goals, profile, inherits, expect, settings, manifest, config, env, files, at, column, message,
                messageContains, Map.of(), "", List.of(), "");
    }

    /**
     * The package the case runner adds to a manifest that declares none: audit cases leave it out, since cargo needs a
     * package or a workspace but no rule reads this one.
     */
    public static final String DEFAULT_PACKAGE = "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    /**
     * The root {@code Cargo.toml} as the case runner writes it: the manifest, and {@link #DEFAULT_PACKAGE} after it
     * when it has neither {@code [package]} nor {@code [workspace]}. Appended, not prepended, so the lines a case's
     * {@code line} counts stay where they are written.
     *
     * @return the manifest to audit; empty for recommend cases
     */
    public String writtenManifest() {
        if (manifest.isEmpty()) return manifest;
        TomlText toml = TomlText.parse(manifest);
        if (toml.hasErrors() || toml.table().contains("package") || toml.table().contains("workspace")) return manifest;
        return manifest + (manifest.endsWith("\n") ? "\n" : "\n\n") + DEFAULT_PACKAGE;
    }

    private static final java.util.regex.Pattern PACKAGE_BOILERPLATE = java.util.regex.Pattern.compile("(name|version|edition)\\s*=.*");

    /**
     * The manifest as documentation shows it: without a {@code [package]} table that holds only {@code name},
     * {@code version} and {@code edition}, which every case needs to be a manifest and none is about.
     *
     * @param toml a manifest
     * @return the manifest without that table; the manifest itself when it has no such table or nothing else
     */
    public static String withoutPackageBoilerplate(String toml) {
        List<String> lines = toml.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).strip().equals("[package]")) start++;
        if (start == lines.size()) return toml;
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).strip().startsWith("[")) end++;
        boolean boilerplate = lines.subList(start + 1, end).stream().map(String::strip)
                .allMatch(l -> l.isEmpty() || PACKAGE_BOILERPLATE.matcher(l).matches());
        List<String> rest = new java.util.ArrayList<>(lines.subList(0, start));
        rest.addAll(lines.subList(end, lines.size()));
        String out = String.join("\n", rest).strip();
        return !boilerplate || out.isEmpty() ? toml : out + "\n";
    }

    /**
     * Why a {@code files} entry would be written outside the case's scratch directory, if it would: the runner
     * writes each entry under a new temporary directory, and a maintainer's typo must not reach other files.
     *
     * @param path a key of a case's {@code files}
     * @return what is wrong with it, or empty when it names a file inside the directory
     */
    public static java.util.Optional<String> outsideScratch(String path) {
        if (path.isEmpty()) return java.util.Optional.of("is empty");
        if (path.indexOf('\0') >= 0) return java.util.Optional.of("holds a NUL character");
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:.*")) {
            return java.util.Optional.of("is an absolute path");
        }
        for (String part : path.split("[/\\\\]", -1)) {
            if (part.equals("..")) return java.util.Optional.of("leaves the case's directory (`..`)");
            if (part.isEmpty() || part.equals(".")) return java.util.Optional.of("has an empty or `.` component");
        }
        return java.util.Optional.empty();
    }

    /** @return whether this case audits a manifest (rather than recommending for goals) */
    public boolean isAudit() {
        return !manifest.isEmpty();
    }

    /** @return {@code file:line} for messages */
    public String where() {
        return file + ":" + line;
    }

    /** What a case expects of its rule, as the sidecar's {@code expect} says. */
    public enum Expect {
        /** the rule must fire */
        FIRES,
        /** the rule must stay silent */
        SILENT;

        /** @return {@code fires} or {@code silent}, as the sidecar writes it */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @return {@link #label()}, so output that prints an expectation shows it as the sidecar writes it */
        @Override
        public String toString() {
            return label();
        }

        /**
         * @param label {@code fires} or {@code silent}
         * @return the expectation, or empty for anything else
         */
        public static java.util.Optional<Expect> of(String label) {
            for (Expect e : values()) if (e.label().equals(label)) return java.util.Optional.of(e);
            return java.util.Optional.empty();
        }
    }
}
