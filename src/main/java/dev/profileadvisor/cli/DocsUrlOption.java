package dev.profileadvisor.cli;

import dev.profileadvisor.catalog.HelpLinks;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --docs-url URL}: where the catalogue {@code docs} writes is published, for links to a rule's entry. */
final class DocsUrlOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--docs-url", paramLabel = "URL", description = "The published page of `cargo-profile-advisor docs` "
            + "(its index.html); rules then link to URL#RULE-ID. Default: the repository's docs/.")
    String url;

    /** @return the links; a bad URL is a usage error (exit 2) naming the option */
    HelpLinks links() {
        if (url == null) return HelpLinks.repositoryDocs();
        try {
            return HelpLinks.page(url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--docs-url " + e.getMessage());
        }
    }
}
