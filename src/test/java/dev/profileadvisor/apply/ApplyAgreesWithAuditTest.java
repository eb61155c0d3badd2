package dev.profileadvisor.apply;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.audit.AuditFinding;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.audit.SettingReport;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code apply} writes is what {@code audit} accepts for the same goals: for every goal and every pair of goals,
 * applied to a manifest without profiles and to each manifest an earlier {@code apply} of one goal left, an audit with
 * the same goals reports nothing against the goals, and nothing about the goals' profile on the lines {@code apply} wrote
 * or kept (those setting a key the goals decide). A finding about another profile that inherits such a line (a
 * {@code profiling} profile keeping debug info under the {@code strip} that small-binary writes in {@code release}) is
 * outside what the goals asked for.
 */
class ApplyAgreesWithAuditTest {
    static ProfileAdvisor advisor;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    @Test
    void anAuditWithTheSameGoalsFindsNothingOnTheLinesApplyWroteOrKept() throws Exception {
        List<String> goals = List.copyOf(advisor.knowledge().goals().keySet());
        List<List<String>> sets = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            sets.add(List.of(goals.get(i)));
            for (int j = i + 1; j < goals.size(); j++) sets.add(List.of(goals.get(i), goals.get(j)));
        }
        Map<String, String> starts = new LinkedHashMap<>();
        starts.put("a manifest without profiles", PKG);
        for (String g : goals) starts.put("the manifest `apply --goal " + g + "` wrote", applied(PKG, List.of(g)));

        List<String> disagreements = new ArrayList<>();
        int n = 0;
        for (var start : starts.entrySet()) {
            for (List<String> set : sets) {
                n++;
                String after = applied(start.getValue(), set);
                ApplyPlan again = plan(set);
                String args = set.stream().map(g -> "--goal " + g).collect(Collectors.joining(" "));
                if (again.changesFile()) disagreements.add("on " + start.getKey() + ", a second `apply " + args + "` still changes "
                        + again.changes());
                AuditReport audit = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")),
                        set.stream().map(g -> new GoalWeight(g, 1)).toList(), Map.of(), dir));
                String profile = again.recommendation().profile();
                Set<String> lines = linesOf(audit, profile, decided(set));
                for (AuditFinding f : audit.findings()) {
                    boolean aboutAnother = f.message().contains("profile `") && !f.message().contains("profile `" + profile + "`");
                    if (f.id().equals("conflicts-with-goal") || lines.contains(f.file() + ":" + f.line()) && !aboutAnother) {
                        disagreements.add("on " + start.getKey() + ", after `apply " + args + "`, `audit " + args + "` reports "
                                + f.location() + ": " + f.severity().name().toLowerCase() + ": " + f.message() + " [" + f.id() + "]\n"
                                + after.indent(4));
                    }
                }
            }
        }
        assertThat(n).isEqualTo(starts.size() * sets.size());
        assertThat(disagreements).as("apply and audit disagree").isEmpty();
    }

    /** Writes {@code manifest} into the test crate, applies the goals and returns the text written. */
    String applied(String manifest, List<String> goals) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.writeString(dir.resolve("Cargo.toml"), manifest);
        ApplyPlan plan = plan(goals);
        Files.writeString(dir.resolve("Cargo.toml"), plan.text());
        return plan.text();
    }

    ApplyPlan plan(List<String> goals) {
        return advisor.plan(new ApplyRequest(Path.of("."), Request.goals(goals.toArray(String[]::new)), Map.of(), dir));
    }

    /** The keys the goals decide: those where they weigh or rule out some value, cargo's default included. */
    static Set<String> decided(List<String> goals) {
        Trace trace = advisor.trace(Request.goals(goals.toArray(String[]::new)));
        return trace.decisions().keySet().stream().filter(trace::argues).collect(Collectors.toSet());
    }

    /**
     * The lines apply wrote or kept: those of the root manifest that set a key the goals decide in the profile, as the
     * audit's table shows their origin.
     */
    static Set<String> linesOf(AuditReport audit, String profile, Set<String> keys) {
        ProfileReport p = audit.workspaces().get(0).profiles().stream().filter(x -> x.name().equals(profile)).findFirst().orElseThrow();
        return p.settings().stream().filter(x -> keys.contains(x.key())).map(SettingReport::origin).filter(o -> o.startsWith("Cargo.toml:"))
                .map(o -> o.substring(0, o.lastIndexOf(':'))).collect(Collectors.toSet());
    }
}
