package dev.profileadvisor.facts;

import dev.profileadvisor.manifest.ProfileChain;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists shown as one value of a finding, for rule consequences ({@code import dev.profileadvisor.facts.Lists};
 * {@code "loop", Lists.loop( $p.chain() )}). They join values; the words around them are the sidecar's.
 */
public final class Lists {
    private Lists() {
    }

    /**
     * @param profiles profile names, the first inheriting from the second and so on
     * @return them joined by arrows: {@code dist → release}
     */
    public static String arrow(List<String> profiles) {
        return String.join(" → ", profiles);
    }

    /**
     * @param chain the chain of a profile on an inheritance loop (it stops before the profile comes back)
     * @return the loop closed at the profile: {@code a → b → a}; a loop of more than a few profiles abbreviated,
     *         with their number ({@link ProfileChain#arrows})
     */
    public static String loop(List<String> chain) {
        if (chain.isEmpty()) throw new IllegalArgumentException("an empty chain has no loop");
        return ProfileChain.arrows(chain, true);
    }

    /**
     * @param names names to show as code
     * @return each in backticks, joined by commas: {@code `small-binary`, `debuggable`}
     */
    public static String code(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) quoted.add("`" + n + "`");
        return String.join(", ", quoted);
    }

    /**
     * @param names names to show as code, in any order (a {@code collectList} of working memory has none)
     * @return each in backticks, sorted, joined by commas: {@code `app`, `app-core`}
     */
    public static String sortedCode(java.util.Collection<?> names) {
        return code(names.stream().map(String::valueOf).sorted().toList());
    }
}
