package dev.profileadvisor.cli;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.json.JsonDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code recommend}: a profile block for some goals, with the argument for every line. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend a [profile.NAME] block for your goals, and justify every line.",
        footer = {"", "Examples:", "  cargo-profile-advisor recommend --goal small-binary",
                "  cargo-profile-advisor recommend --goal fast-runtime=2 --goal fast-compile \\",
                "      --format json",
                "  cargo-profile-advisor recommend --goal profilable --profile profiling",
                "  cargo-profile-advisor recommend --goal fast-compile \\",
                "      --goal fast-runtime --profile dev --manifest-path ."})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions what;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), toml or json.")
    Format format;

    @Mixin
    LoadOptions load;

    @Option(names = "--manifest-path", paramLabel = "PATH",
            description = "Compute the plan for this project (a Cargo.toml or a directory): its own packages vs dependencies, "
                    + "Cargo.lock, build scripts, catch_unwind, rust-version and existing profiles. Default: the current "
                    + "directory's workspace, or a generic plan when there is none.")
    java.nio.file.Path manifestPath;

    @Option(names = "--generic", description = "Ignore the project in the current directory: the plan for no project in particular.")
    boolean generic;

    /** The current directory's workspace, as {@code audit} finds it; null when there is no Cargo.toml here or above. */
    static java.nio.file.Path workspaceHere(java.nio.file.Path cwd) {
        for (java.nio.file.Path d = cwd; d != null; d = d.getParent()) {
            if (java.nio.file.Files.isRegularFile(d.resolve("Cargo.toml"))) return d;
        }
        return null;
    }

    @Override
    public Integer call() {
        Request request = what.request();
        var advisor = load.advisor(java.util.Set.of(ProfileAdvisor.Use.RECOMMEND));
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path manifest = manifestPath != null ? manifestPath : generic ? null : workspaceHere(cwd);
        if (manifest != null) request = request.project(advisor.project(manifest, System.getenv(), cwd));
        request = RequestOptions.onThisMachine(request, advisor);
        Recommendation r = advisor.recommend(request);
        var out = spec.commandLine().getOut();
        switch (format) {
            case toml -> out.print(TextRenderer.tomlOnly(r));
            case json -> out.println(JsonDocuments.write(JsonDocuments.recommendation(r)));
            default -> out.print(TextRenderer.recommendation(r));
        }
        out.flush();
        return Main.OK;
    }
}
