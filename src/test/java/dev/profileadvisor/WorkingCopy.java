package dev.profileadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A maintainer's working copy of rules/ and knowledge/ in a temporary directory, to break on purpose. */
public final class WorkingCopy {
    /** The copied rules directory. */
    public final Path rules;
    /** The copied knowledge directory. */
    public final Path knowledge;

    /**
     * @param root a temporary directory
     */
    public WorkingCopy(Path root) {
        rules = copy(Path.of("rules"), root.resolve("rules"));
        knowledge = copy(Path.of("knowledge"), root.resolve("knowledge"));
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first occurrence of a text in a file of the copy.
     *
     * @param file the file
     * @param from text that must be present
     * @param to   its replacement
     * @return the 1-based line where the replacement starts
     */
    public static int edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int at = text.indexOf(from);
            if (at < 0) throw new IllegalArgumentException("`" + from + "` is not in " + file);
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
            return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends text to a file of the copy (creating it).
     *
     * @param file the file
     * @param text what to append
     */
    public static void append(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an advisor loaded from this copy */
    public ProfileAdvisor load() {
        return ProfileAdvisor.load(java.util.Optional.of(rules), java.util.Optional.of(knowledge));
    }
}
