package dev.profileadvisor.cli;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.site.CatalogueSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code docs --out DIR}: the rule catalogue as a static site. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the rule catalogue as a static site: every rule, goal and setting on one page with search and "
                + "filters, plain HTML, CSS and a small script that open from file:// (nothing is fetched).",
        footer = {"", "Examples:", "  cargo-profile-advisor docs --out target/catalogue",
                "  xdg-open target/catalogue/index.html#strip-discards-debuginfo"})
final class DocsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The directory to write index.html, catalogue.css and catalogue.js into (created when missing; other files are left alone).")
    Path out;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        ProfileAdvisor advisor = load.advisor();
        CatalogueSite site = CatalogueSite.of(advisor.knowledge(), advisor.rules(), new Main.Version().getVersion()[0]);
        var written = site.write(out);
        spec.commandLine().getOut().printf("wrote %s (%d rules, %d goals, %d settings) and %d more files%n", written.get(0),
                advisor.rules().size(), advisor.knowledge().goals().size(), advisor.knowledge().settings().size(), written.size() - 1);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
