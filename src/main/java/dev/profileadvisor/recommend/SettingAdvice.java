package dev.profileadvisor.recommend;

import java.util.List;

/**
 * One recommended setting and its whole argument.
 *
 * @param key          the profile key
 * @param value        the chosen value id
 * @param toml         its TOML literal ({@code "z"}, {@code 1}, {@code false}); empty when the key stays unwritten
 * @param defaultValue cargo's default value id for the profile
 * @param defaultToml  the default's TOML literal; empty when cargo passes nothing and rustc decides
 * @param goals        the goals that asked for the chosen value
 * @param rules        the rule ids that decided it
 * @param sources      URLs backing it
 * @param overruled    alternatives that lost, and to what
 * @param reason       one sentence
 * @param comment      the short comment written beside the line
 */
public record SettingAdvice(String key, String value, String toml, String defaultValue, String defaultToml,
                            List<String> goals, List<String> rules, List<String> sources, List<Overruled> overruled,
                            String reason, String comment) {
    /**
     * Copies the lists.
     *
     * @param key          the profile key
     * @param value        the chosen value id
     * @param toml         its TOML literal ({@code "z"}, {@code 1}, {@code false}); empty when the key stays unwritten
     * @param defaultValue cargo's default value id for the profile
     * @param defaultToml  the default's TOML literal; empty when cargo passes nothing and rustc decides
     * @param goals        the goals that asked for the chosen value
     * @param rules        the rule ids that decided it
     * @param sources      URLs backing it
     * @param overruled    alternatives that lost, and to what
     * @param reason       one sentence
     * @param comment      the short comment written beside the line
     */
    public SettingAdvice {
        goals = List.copyOf(goals);
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
        overruled = List.copyOf(overruled);
    }

    /** @return whether the value differs from cargo's default, i.e. appears in the profile block */
    public boolean changesDefault() {
        return !value.equals(defaultValue);
    }
}
