package dev.profileadvisor.manifest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.fuzz.FuzzInput;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.recommend.PlanProjects;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes reading a manifest and a config file and resolving the effective profiles (bytes → project facts), the way
 * the HTTP API reads posted text: either the documented problem values ({@link AdvisorException}, each problem with a
 * message and a position inside the text), or a project whose every profile resolves, with its target settings and
 * plan facts. Any other exception, and any input taking longer than the timeout, is a finding.
 *
 * <p>Regression mode (every test run) replays {@code ManifestFuzzTestInputs/}; {@code docs/reliability.md} says how
 * to fuzz it.
 */
class ManifestFuzzTest {
    private static final Knowledge KNOWLEDGE = ProfileAdvisor.withDefaults().knowledge();
    private static final List<String> LINUX_CFG = List.of("unix", "target_os=\"linux\"", "target_arch=\"x86_64\"",
            "target_env=\"gnu\"", "target_family=\"unix\"", "target_pointer_width=\"64\"");

    @FuzzTest
    @Timeout(10)
    void manifestAndConfigResolveOrGiveProblems(byte[] data) {
        Optional<FuzzInput> input = FuzzInput.of(data);
        if (input.isEmpty()) return;
        FuzzInput in = input.get();
        Project project;
        try {
            project = Project.ofText(in.manifest(), in.config(), in.env(), KNOWLEDGE);
        } catch (AdvisorException e) {
            checkProblems(e, in);
            return;
        }
        Map<String, EffectiveProfile> profiles = ProfileResolver.resolveAll(project, KNOWLEDGE);
        assertThat(profiles).containsKeys("dev", "release");
        for (EffectiveProfile p : profiles.values()) {
            assertThat(p.chain()).isNotEmpty().startsWith(p.name());
            if (p.problem().isPresent()) assertThat(p.problem().get()).isNotBlank();
            for (EffectiveSetting s : p.settings()) assertThat(p.setting(s.key())).isPresent();
            TargetResolver.incremental(project, p.name());
        }
        TargetResolver.resolve(project, "x86_64-unknown-linux-gnu", false, Optional.empty(), LINUX_CFG);
        try {
            PlanProjects.of(project, KNOWLEDGE, Optional.of(""));
        } catch (AdvisorException e) {
            checkProblems(e, in);
        }
    }

    /** A refusal names the file and, where it has a position, one inside that file's text. */
    static void checkProblems(AdvisorException e, FuzzInput in) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem p : e.problems()) {
            assertThat(p.message()).isNotBlank();
            String text = p.file().endsWith("config.toml") ? in.config().orElse("") : in.manifest();
            if (p.line() > 0) assertThat(p.line()).as("line of %s", p).isLessThanOrEqualTo(text.split("\r\n|\n|\r", -1).length + 1);
        }
    }
}
