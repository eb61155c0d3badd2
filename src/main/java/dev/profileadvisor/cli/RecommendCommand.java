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
                "  cargo-profile-advisor recommend --goal profilable --profile profiling"})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions what;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), toml or json.")
    Format format;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        Request request = what.request();
        var advisor = load.advisor(java.util.Set.of(ProfileAdvisor.Use.RECOMMEND));
        Recommendation r = advisor.recommend(request);
        var out = spec.commandLine().getOut();
        switch (format) {
            case toml -> out.print(r.toml());
            case json -> out.println(JsonDocuments.write(JsonDocuments.recommendation(r)));
            default -> out.print(TextRenderer.recommendation(r));
        }
        out.flush();
        return Main.OK;
    }
}
