package dev.profileadvisor.cli;

import dev.profileadvisor.ProfileAdvisor;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --rules DIR} and {@code --knowledge DIR}: try a working copy instead of the bundled files. */
final class LoadOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Use the rules in DIR instead of the bundled ones.")
    Path rules;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Use the knowledge in DIR instead of the bundled one.")
    Path knowledge;

    private static ProfileAdvisor bundled;

    ProfileAdvisor advisor() {
        return advisor(java.util.Set.of());
    }

    /** @param first what the command does first: those rules compile on a second thread while the knowledge loads */
    ProfileAdvisor advisor(java.util.Set<ProfileAdvisor.Use> first) {
        if (rules == null && knowledge == null) {
            synchronized (LoadOptions.class) {
                if (bundled == null) bundled = ProfileAdvisor.withDefaults(first);
                return bundled;
            }
        }
        return ProfileAdvisor.load(Optional.ofNullable(rules), Optional.ofNullable(knowledge));
    }
}
