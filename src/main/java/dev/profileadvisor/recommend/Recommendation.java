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
 * @param toml     a ready-to-paste plan: the {@code [profile.NAME]} block and its override tables, a comment on every line
 * @param tables   every table the plan writes, the profile's own first (its settings are {@code settings})
 * @param basis    what the plan was computed against: the project's facts it used, or that it is generic
 * @param config   the lines the plan writes into {@code .cargo/config.toml} (the host's {@code [target.TRIPLE]}
 *                 rustflags and linker), each with its argument; empty when it writes none
 * @param configToml the {@code .cargo/config.toml} part of the plan, ready to paste, a comment naming the goal on every
 *                 line; empty when there is none
 * @param configWhy what every line of {@code config} shares: that it applies to every profile, and which sources of
 *                 rustflags replace it; empty when there is no line
 */
public record Recommendation(String profile, Optional<String> inherits, List<GoalWeight> goals,
                             List<SettingAdvice> settings, List<SettingAdvice> kept, List<NoteAdvice> notes,
                             String toml, List<PlanTable> tables, List<String> basis, List<ConfigLine> config,
                             String configToml, List<String> configWhy) {
    /**
     * Copies the lists.
     *
     * @param profile  the profile written
     * @param inherits its parent, for custom profiles
     * @param goals    the goals, resolved to ids, with weights
     * @param settings the keys that change from cargo's default, in knowledge order
     * @param kept     keys a goal cared about that stay at cargo's default (not written), with what lost
     * @param notes    remarks from interaction rules
     * @param toml     a ready-to-paste plan with a comment on every line
     * @param tables   every table the plan writes, the profile's own first
     * @param basis    what the plan was computed against
     * @param config   the lines the plan writes into {@code .cargo/config.toml}
     * @param configToml the {@code .cargo/config.toml} part of the plan, ready to paste; empty when there is none
     * @param configWhy what every line of {@code config} shares
     */
    public Recommendation {
        config = List.copyOf(config);
        configWhy = List.copyOf(configWhy);
        goals = List.copyOf(goals);
        settings = List.copyOf(settings);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
        basis = List.copyOf(basis);
    }

    /**
     * @return the codegen options the plan's {@code rustflags} give, as arguments in order ({@code -C},
     *         {@code target-cpu=x86-64-v3}, …); empty when it writes none
     */
    public List<String> rustflags() {
        List<String> out = new java.util.ArrayList<>();
        for (ConfigLine c : config) if (c.key().equals("rustflags")) out.addAll(c.args());
        return out;
    }

    /** @return the linker the plan writes, if any */
    public Optional<String> linker() {
        return config.stream().filter(c -> c.key().equals("linker")).map(ConfigLine::value).findFirst();
    }

    /** @return the override tables of the plan ({@code package."*"}, {@code package.NAME}, {@code build-override}) */
    public List<PlanTable> overrides() {
        return tables.stream().filter(t -> !t.scope().equals("profile")).toList();
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
