package dev.profileadvisor.recommend;

import dev.profileadvisor.GoalWeight;

import java.util.List;
import java.util.Optional;

/**
 * A recommended profile and the argument for every line of it.
 *
 * @param profile  the profile written
 * @param inherits its parent, for custom profiles
 * @param goals    the goals, resolved to ids, with weights
 * @param settings the keys that change from cargo's default, in knowledge order
 * @param kept     keys a goal cared about that stay at cargo's default (not written), with what lost
 * @param notes    remarks from interaction rules
 * @param toml     a ready-to-paste {@code [profile.NAME]} block with a comment on every line
 */
public record Recommendation(String profile, Optional<String> inherits, List<GoalWeight> goals,
                             List<SettingAdvice> settings, List<SettingAdvice> kept, List<NoteAdvice> notes,
                             String toml) {
    /**
     * Copies the lists.
     *
     * @param profile  the profile written
     * @param inherits its parent, for custom profiles
     * @param goals    the goals, resolved to ids, with weights
     * @param settings the keys that change from cargo's default, in knowledge order
     * @param kept     keys a goal cared about that stay at cargo's default (not written), with what lost
     * @param notes    remarks from interaction rules
     * @param toml     a ready-to-paste {@code [profile.NAME]} block with a comment on every line
     */
    public Recommendation {
        goals = List.copyOf(goals);
        settings = List.copyOf(settings);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    /**
     * @param key a profile key
     * @return the advice for it, if the recommendation changes it
     */
    public Optional<SettingAdvice> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * @param key a profile key
     * @return the value id this profile ends up with for the key: the recommended one or the one kept
     */
    public Optional<String> valueOf(String key) {
        return setting(key).or(() -> kept.stream().filter(s -> s.key().equals(key)).findFirst()).map(SettingAdvice::value);
    }
}
