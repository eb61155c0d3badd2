package dev.profileadvisor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value trait a DRL condition matches, {@code traits contains "X"} or {@code traits not contains "X"}, read from
 * the DRL text (comments left out) the way {@link SuppliedValues} reads consequences. {@code rules lint} checks
 * that some value in {@code knowledge/settings.toml} has the trait: otherwise the condition never holds (or, negated,
 * always holds).
 *
 * @param rule    the id of the rule whose conditions match it
 * @param trait   the trait, as written between the quotes
 * @param negated whether the condition is {@code traits not contains}
 * @param file    the DRL file
 * @param line    line of the trait's string literal
 * @param column  column of its opening quote
 */
public record TraitUse(String rule, String trait, boolean negated, String file, int line, int column) {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+\"([^\"]+)\"");
    private static final Pattern USE = Pattern.compile("\\btraits\\s+(not\\s+)?contains\\s+(\"([^\"]*)\")");

    /**
     * Checks that every name is given.
     *
     * @param rule    the id of the rule whose conditions match it
     * @param trait   the trait
     * @param negated whether the condition is {@code traits not contains}
     * @param file    the DRL file
     * @param line    line of the trait's string literal
     * @param column  column of its opening quote
     */
    public TraitUse {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(trait, "trait");
        Objects.requireNonNull(file, "file");
    }

    /**
     * Reads every trait literal of a DRL file.
     *
     * @param drl the file
     * @return the literals in file order, each with the rule it is in
     */
    static List<TraitUse> read(RuleFile drl) {
        String text = drl.text();
        String code = SuppliedValues.withoutComments(text);
        List<TraitUse> out = new ArrayList<>();
        Matcher use = USE.matcher(code);
        while (use.find()) {
            Matcher rule = RULE.matcher(code).region(0, use.start());
            String id = "";
            while (rule.find()) id = rule.group(1);
            int[] at = SuppliedValues.lineAndColumn(text, use.start(2));
            out.add(new TraitUse(id, use.group(3), use.group(1) != null, drl.name(), at[0], at[1]));
        }
        return out;
    }
}
