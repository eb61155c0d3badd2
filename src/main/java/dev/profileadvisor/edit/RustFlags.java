package dev.profileadvisor.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rustc arguments of a {@code rustflags} value, as cargo passes them (an array's elements, or a string split at
 * whitespace), and how codegen options are merged into them without clobbering anything.
 *
 * <p>A codegen option is written {@code "-C", "key=value"} (two arguments), {@code "-Ckey=value"},
 * {@code "--codegen", "key=value"} or {@code "--codegen=key=value"}; rustc reads {@code _} in a key as {@code -}, and
 * for an option given twice uses the last. Merging an option whose key is already there replaces that occurrence's
 * value in place (the last one, the one rustc uses), keeping how it is written; an option already there with the
 * same value changes nothing; any other option is appended, written the way the value writes its options. Every other
 * argument stays where it is. Options that rustc accumulates ({@code link-arg}, {@code link-args}, {@code llvm-args},
 * {@code target-feature}, {@code remark}, {@code passes}) are the same only with the same value, except that a
 * {@code link-arg=-fuse-ld=…} replaces an existing {@code -fuse-ld=} (there is one linker).
 */
public final class RustFlags {
    private RustFlags() {
    }

    private static final Set<String> ACCUMULATED = Set.of("link-arg", "link-args", "llvm-args", "target-feature", "remark", "passes");
    private static final Set<String> YES = Set.of("", "y", "yes", "on", "true");
    private static final Set<String> NO = Set.of("n", "no", "off", "false");
    private static final String FUSE_LD = "-fuse-ld=";

    /**
     * A codegen option ({@code -C key=value}).
     *
     * @param key   the option, e.g. {@code target-cpu}
     * @param value its value, e.g. {@code x86-64-v3}; empty for a flag written without one ({@code -C prefer-dynamic})
     */
    public record Codegen(String key, String value) {
        /**
         * Checks the option.
         *
         * @param key   the option
         * @param value its value
         * @throws IllegalArgumentException for an empty key, or whitespace in either
         */
        public Codegen {
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace) || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a codegen option: -C " + key + "=" + value);
            }
        }

        /** @return {@code key=value}, or {@code key} without a value */
        public String assignment() {
            return value.isEmpty() ? key : key + "=" + value;
        }

        /** @return the two arguments {@code -C} and {@code key=value} */
        public List<String> args() {
            return List.of("-C", assignment());
        }

        /** @return {@code -C key=value} */
        @Override
        public String toString() {
            return "-C " + assignment();
        }

        /**
         * @param args arguments such as {@code ["-C", "target-cpu=native", "-Cforce-frame-pointers=yes"]}
         * @return the codegen options they give, in order
         * @throws IllegalArgumentException when an argument is not part of a codegen option
         */
        public static List<Codegen> parse(List<String> args) {
            List<Occurrence> found = occurrences(args);
            int covered = 0;
            for (Occurrence o : found) covered += o.token() == o.flag() ? 1 : 2;
            if (covered != args.size()) throw new IllegalArgumentException("not only codegen options: " + args);
            return found.stream().map(o -> new Codegen(o.writtenKey(), o.value())).toList();
        }
    }

    /**
     * Where a codegen option is written among the arguments.
     *
     * @param flag       index of the argument that starts it ({@code -C}, or {@code -Ckey=value} itself)
     * @param token      index of the argument holding {@code key=value}: {@code flag + 1}, or {@code flag} when joined
     * @param prefix     what precedes the key in that argument: {@code ""}, {@code "-C"} or {@code "--codegen="}
     * @param writtenKey the key as written
     * @param key        the key as rustc reads it ({@code _} as {@code -})
     * @param value      the value, empty when none is written
     */
    record Occurrence(int flag, int token, String prefix, String writtenKey, String key, String value) {
        boolean joined() {
            return flag == token;
        }

        String text(List<String> args) {
            return joined() ? args.get(token) : args.get(flag) + " " + args.get(token);
        }
    }

    /** @return every codegen option among the arguments, in order */
    static List<Occurrence> occurrences(List<String> args) {
        List<Occurrence> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-C") || a.equals("--codegen")) && i + 1 < args.size()) {
                out.add(occurrence(i, i + 1, "", args.get(i + 1)));
                i++;
            } else if (a.startsWith("--codegen=") && a.length() > 10) {
                out.add(occurrence(i, i, "--codegen=", a.substring(10)));
            } else if (a.startsWith("-C") && a.length() > 2 && !a.startsWith("--")) {
                out.add(occurrence(i, i, "-C", a.substring(2)));
            }
        }
        return out;
    }

    private static Occurrence occurrence(int flag, int token, String prefix, String assignment) {
        int eq = assignment.indexOf('=');
        String written = eq < 0 ? assignment : assignment.substring(0, eq);
        return new Occurrence(flag, token, prefix, written, written.replace('_', '-'), eq < 0 ? "" : assignment.substring(eq + 1));
    }

    /** The slot an option fills: options in one slot replace each other. */
    static String slot(String key, String value) {
        String k = key.replace('_', '-');
        if (k.equals("link-arg") && value.startsWith(FUSE_LD)) return "link-arg " + FUSE_LD;
        return ACCUMULATED.contains(k) ? k + "=" + value : k;
    }

    /** Whether rustc reads two values of an option alike ({@code yes}/{@code on}/{@code true}/none for a flag). */
    static boolean sameValue(String a, String b) {
        return a.equals(b) || YES.contains(a) && YES.contains(b) || NO.contains(a) && NO.contains(b);
    }

    /**
     * The result of merging codegen options into arguments.
     *
     * @param replaced     argument index → its new text
     * @param appended     the arguments to add at the end
     * @param result       the arguments after the merge
     * @param descriptions what changed, one sentence part each: {@code added `-C target-cpu=x86-64-v3`}
     */
    record Merge(Map<Integer, String> replaced, List<String> appended, List<String> result, List<String> descriptions) {
        boolean changes() {
            return !replaced.isEmpty() || !appended.isEmpty();
        }
    }

    /**
     * @param args   the arguments a value gives now
     * @param wanted the codegen options the result must give
     * @return what to replace and append
     */
    static Merge merge(List<String> args, List<Codegen> wanted) {
        List<Occurrence> found = occurrences(args);
        boolean joined = !found.isEmpty() && found.stream().allMatch(Occurrence::joined) && found.stream().noneMatch(o -> o.prefix().startsWith("--"));
        Map<Integer, String> replaced = new LinkedHashMap<>();
        List<String> appended = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> result = new ArrayList<>(args);
        Set<String> slots = new java.util.HashSet<>();
        for (Codegen w : wanted) {
            if (!slots.add(slot(w.key(), w.value()))) throw new IllegalArgumentException("two values for one option: " + wanted);
        }
        for (Codegen w : wanted) {
            String slot = slot(w.key(), w.value());
            Occurrence last = null;
            for (Occurrence o : found) if (slot(o.key(), o.value()).equals(slot)) last = o;
            if (last != null) {
                if (sameValue(last.value(), w.value())) continue;
                String text = last.prefix() + last.writtenKey() + "=" + w.value();
                replaced.put(last.token(), text);
                result.set(last.token(), text);
                String before = last.text(args);
                String after = last.joined() ? text : args.get(last.flag()) + " " + text;
                descriptions.add("changed `" + before + "` to `" + after + "`");
            } else {
                List<String> add = joined ? List.of("-C" + w.assignment()) : w.args();
                appended.addAll(add);
                result.addAll(add);
                descriptions.add("added `" + String.join(" ", add) + "`");
            }
        }
        return new Merge(replaced, appended, result, descriptions);
    }

    /**
     * @param text a string {@code rustflags} value's content
     * @return the arguments cargo passes for it: the text split at whitespace
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.strip().split("\\s+")) if (!t.isEmpty()) out.add(t);
        return out;
    }
}
