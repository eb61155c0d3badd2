package dev.profileadvisor.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Profile chains as findings show them, for rule consequences
 * ({@code import dev.profileadvisor.facts.Chains}; {@code Chains.loop($p.chain())}).
 */
public final class Chains {
    private Chains() {
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
     * @return the loop closed at the profile: {@code a → b → a}
     */
    public static String loop(List<String> chain) {
        if (chain.isEmpty()) throw new IllegalArgumentException("an empty chain has no loop");
        List<String> closed = new ArrayList<>(chain);
        closed.add(chain.get(0));
        return arrow(closed);
    }
}
