package dev.profileadvisor.facts;

/**
 * A criterion a profile's builds serve unless a goal says otherwise (knowledge/profiles.toml {@code serves}): the dev
 * profile keeps {@code file:line} backtraces.
 *
 * @param root      {@code dev} or {@code release}
 * @param criterion the criterion
 * @param weight    how much it counts, like a goal's weight
 * @param by        who asks, as reasons name it ({@code dev profile})
 */
public record ProfileServes(String root, String criterion, int weight, String by) {
}
