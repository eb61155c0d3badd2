package dev.profileadvisor.recommend;

import java.util.Map;
import java.util.Set;

/**
 * A recommendation with the rules that fired for it.
 *
 * @param recommendation the result
 * @param firings        rule id → times fired
 * @param decisions      setting → decided value id, for every setting
 * @param scores         setting → value id → summed weighted score
 * @param vetoed         {@code key=value} of every vetoed value
 */
public record Trace(Recommendation recommendation, Map<String, Integer> firings, Map<String, String> decisions,
                    Map<String, Map<String, Integer>> scores, Set<String> vetoed) {
}
