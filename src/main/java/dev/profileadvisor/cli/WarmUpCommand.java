package dev.profileadvisor.cli;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Request;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code warm-up} (hidden): runs a recommendation and an audit of a built-in example, printing nothing, so that
 * the launcher can record the classes they load in a class-data-sharing archive that makes later starts faster
 * (and, when the launcher passes {@code -Dcpa.rules.cache}, leaves the compiled rules there).
 */
@Command(name = "warm-up", hidden = true, description = "Exercise recommend and audit once (for the launcher's start-up cache).")
final class WarmUpCommand implements Callable<Integer> {
    private static final String EXAMPLE = """
            [package]
            name = "warm-up"
            version = "0.1.0"
            edition = "2021"

            [profile.release]
            lto = true
            debug = true
            strip = true
            codegen-unit = 1

            [profile.dist]
            inherits = "release"
            opt-level = "s"
            """;

    @Override
    public Integer call() throws Exception {
        // Twice: the first advisor compiles the rules (and writes the launcher's compiled-rules cache), the second
        // reads them back, which is what later runs do; the archive then holds the classes of both paths.
        exercise(ProfileAdvisor.withDefaults());
        exercise(ProfileAdvisor.withDefaults(java.util.EnumSet.allOf(ProfileAdvisor.Use.class)));
        return Main.OK;
    }

    private static void exercise(ProfileAdvisor advisor) throws Exception {
        var r = advisor.recommend(Request.goals("small-binary", "debuggable"));
        TextRenderer.recommendation(r);
        var audit = advisor.auditText(EXAMPLE, Optional.empty(), Map.of(), List.of(dev.profileadvisor.GoalWeight.parse("small-binary")));
        AuditText.render(audit, true);
        dev.profileadvisor.json.JsonDocuments.write(dev.profileadvisor.json.AuditDocuments.report(audit,
                dev.profileadvisor.json.JsonDocuments.SCHEMA_VERSION));
        dev.profileadvisor.json.JsonDocuments.write(dev.profileadvisor.json.JsonDocuments.recommendation(r));
        advisor.knowledge().goals();
    }
}
