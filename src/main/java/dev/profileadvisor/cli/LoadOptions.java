package dev.profileadvisor.cli;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
        checkFolders();
        return ProfileAdvisor.load(Optional.ofNullable(rules), Optional.ofNullable(knowledge));
    }

    /**
     * Refuses a folder that is not what its option asks for (the rules given as knowledge, a typo), naming the
     * option, what the folder lacks and where the bundled one is, before anything tries to read from it.
     */
    private void checkFolders() {
        List<Problem> problems = new ArrayList<>();
        if (knowledge != null) {
            String where = "--knowledge " + knowledge;
            if (!Files.isDirectory(knowledge)) {
                problems.add(Problem.of(where, "no such folder (the bundled one is knowledge/ in the repository)"));
            } else {
                List<String> missing = KnowledgeLoader.files().stream().filter(f -> !Files.isRegularFile(knowledge.resolve(f))).toList();
                if (missing.size() == KnowledgeLoader.files().size()) {
                    problems.add(Problem.of(where, "not a knowledge folder: " + String.join(", ", missing)
                            + " are missing (the bundled one is knowledge/ in the repository)"));
                } else if (!missing.isEmpty()) {
                    problems.add(Problem.of(where, String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                            + " missing (the bundled knowledge/ in the repository has " + String.join(", ", KnowledgeLoader.files()) + ")"));
                }
            }
        }
        if (rules != null) {
            String where = "--rules " + rules;
            if (!Files.isDirectory(rules)) {
                problems.add(Problem.of(where, "no such folder (the bundled one is rules/ in the repository)"));
            } else if (!hasDrl(rules)) {
                problems.add(Problem.of(where, "not a rules folder: it has no `.drl` files (the bundled one is rules/ in the repository)"));
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
    }

    private static boolean hasDrl(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true; // let the loader say what it cannot read
        }
    }
}
