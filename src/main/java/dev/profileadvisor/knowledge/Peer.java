package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A profile template another tool writes (knowledge/peers.toml), built beside our plan by {@code measure}.
 *
 * @param id          stable id ({@code wizard-min-size}), the candidate's id
 * @param tool        the tool ({@code cargo-wizard})
 * @param template    the tool's name for it ({@code min-size})
 * @param base        the built-in profile it is meant for ({@code release} or {@code dev})
 * @param settings    key → value id the template writes into the profile, in the tool's order
 * @param notMeasured what the template writes outside the profile, which {@code measure} leaves out
 * @param sources     source keys
 */
public record Peer(String id, String tool, String template, String base, Map<String, String> settings,
                   List<String> notMeasured, List<String> sources) {
    /**
     * Copies the collections, keeping their order.
     *
     * @param id          stable id
     * @param tool        the tool
     * @param template    the tool's name for it
     * @param base        the built-in profile it is meant for
     * @param settings    key → value id
     * @param notMeasured what it writes outside the profile
     * @param sources     source keys
     */
    public Peer {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        notMeasured = List.copyOf(notMeasured);
        sources = List.copyOf(sources);
    }
}
