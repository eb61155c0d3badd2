package dev.profileadvisor.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Did you mean" for every name a user types: goals, profiles, profile keys, package specs, explain ids, command-line
 * options, commands and option values. One rule decides what is close enough to suggest, so that a typo gets its
 * correction and a name that resembles nothing gets none (the message then says what exists instead).
 *
 * <p><b>The rule.</b> Names are compared case-insensitively. A candidate is close to what was typed when
 * <ul>
 *   <li>their edit distance ({@link Text#distance}: insertions, deletions, substitutions, and swaps of two
 *       neighbouring letters, one edit each) is at most {@link #maxDistance} of the typed name: a third of its
 *       length, at least 1 ({@code relase} → {@code release}, {@code lot} → {@code lto}); or</li>
 *   <li>the candidate begins with the typed name and that is at least {@value #MIN_PREFIX} characters long (a name
 *       cut short: {@code smallest} → the goal alias {@code smallest binary}).</li>
 * </ul>
 * Closest first: by edit distance, a shortened name counting as the largest distance allowed; ties keep the
 * candidates' order. rustc uses the same limit (a third of the length, at least 1) for its "a similar name
 * exists" suggestions, and cargo's {@code closest_msg} the same kind of edit distance with a fixed limit of 3.
 */
public final class Suggestions {
    /** The shortest typed name that may stand for a longer candidate it begins. */
    public static final int MIN_PREFIX = 4;

    private Suggestions() {
    }

    /**
     * @param typed what the user typed
     * @return the largest edit distance at which a candidate is still suggested: a third of the length, at least 1
     */
    public static int maxDistance(String typed) {
        return Math.max(1, typed.length() / 3);
    }

    /**
     * @param typed     what the user typed
     * @param candidate a known name
     * @return whether the candidate is close enough to suggest (see the class comment)
     */
    public static boolean isClose(String typed, String candidate) {
        return score(typed, candidate).isPresent();
    }

    /**
     * @param typed      what the user typed
     * @param candidates the known names
     * @return the closest candidate, if one is close enough
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        return closest(typed, candidates, 1).stream().findFirst();
    }

    /**
     * @param typed      what the user typed
     * @param candidates the known names
     * @param limit      how many to return at most
     * @return the close candidates, closest first; empty when none is close
     */
    public static List<String> closest(String typed, Collection<String> candidates, int limit) {
        return closest(typed, candidates, c -> List.of(c), limit);
    }

    /**
     * For things known by several names, such as a goal with aliases: each is as close as its closest name.
     *
     * @param typed what the user typed
     * @param items the known things
     * @param names the names of one of them
     * @param limit how many to return at most
     * @param <T>   what the names stand for
     * @return the close items, closest first; empty when none is close
     */
    public static <T> List<T> closest(String typed, Collection<T> items, Function<? super T, ? extends Collection<String>> names,
                                      int limit) {
        record Scored<T>(T item, int score) { }
        List<Scored<T>> close = new ArrayList<>();
        for (T item : items) {
            OptionalInt best = names.apply(item).stream().map(n -> score(typed, n)).filter(OptionalInt::isPresent)
                    .mapToInt(OptionalInt::getAsInt).min();
            if (best.isPresent()) close.add(new Scored<>(item, best.getAsInt()));
        }
        return close.stream().sorted(Comparator.comparingInt(Scored::score)).limit(limit).map(Scored::item).toList();
    }

    /**
     * @param names names to list
     * @return them in backticks, comma-separated: {@code `dev`, `release`}
     */
    public static String quoted(Collection<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    /** The edit distance when the candidate is close, a cut-short name scoring the largest distance allowed. */
    private static OptionalInt score(String typed, String candidate) {
        String t = typed.toLowerCase(Locale.ROOT);
        String c = candidate.toLowerCase(Locale.ROOT);
        int max = maxDistance(t);
        if (Math.abs(t.length() - c.length()) <= max) {
            int d = Text.distance(t, c);
            if (d <= max) return OptionalInt.of(d);
        }
        if (t.length() >= MIN_PREFIX && c.startsWith(t)) return OptionalInt.of(max);
        return OptionalInt.empty();
    }
}
