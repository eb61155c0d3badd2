package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * One place a target setting can come from ({@code knowledge/targets.toml} {@code [[rustflags.source]]} and
 * {@code [[incremental.source]]}): cargo uses the first present, in {@code precedence} order.
 *
 * @param id         stable id ({@code rustflags-env}, {@code target}, {@code build}, …)
 * @param precedence 1 is checked first
 * @param title      what it is, as a noun phrase with code in backticks
 * @param keys       the config keys and environment variables it is read from ({@code build.rustflags},
 *                   {@code CARGO_BUILD_RUSTFLAGS}); {@code <triple>}, {@code <cfg>}, {@code <TRIPLE>} stand for a target
 * @param split      how a value is split into arguments: {@code unit-separator}, {@code spaces}, {@code config}
 *                   (an array as it is, a string on whitespace), {@code flag} or {@code boolean}
 * @param note       what cargo does with it, in a sentence
 * @param sources    source keys
 */
public record SourceLayer(String id, int precedence, String title, List<String> keys, String split, String note,
                          List<String> sources) {
    /**
     * Copies the lists.
     *
     * @param id         stable id
     * @param precedence 1 is checked first
     * @param title      what it is
     * @param keys       the config keys and environment variables it is read from
     * @param split      how a value is split into arguments
     * @param note       what cargo does with it
     * @param sources    source keys
     */
    public SourceLayer {
        keys = List.copyOf(keys);
        sources = List.copyOf(sources);
    }
}
