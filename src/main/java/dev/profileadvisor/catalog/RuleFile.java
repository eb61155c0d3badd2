package dev.profileadvisor.catalog;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file of the rule tree: a DRL file or the TOML docs-and-cases beside it.
 *
 * @param name    the name used in messages, e.g. {@code rules/recommend/20-constraints.drl}
 * @param concern the top-level folder it is in ({@code recommend}, {@code audit}); empty for files at the top
 * @param text    its content
 */
public record RuleFile(String name, String concern, String text) {

    /**
     * Reads every {@code *.drl} and {@code *.toml} below a directory (plain or inside a jar), sorted by path.
     *
     * @param root    the rules directory
     * @param display how to name it in messages
     * @return the files
     * @throws AdvisorException if the directory cannot be read or holds no DRL file
     */
    public static List<RuleFile> readTree(Path root, String display) {
        if (!Files.isDirectory(root)) {
            throw new AdvisorException(Problem.of(display, "not a directory: expected a folder of `.drl` rule files"));
        }
        List<RuleFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".drl") && !f.endsWith(".toml")) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                String concern = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                out.add(new RuleFile(display + "/" + rel, concern, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AdvisorException(Problem.of(display, "cannot read the rules: " + e.getMessage()));
        }
        if (out.stream().noneMatch(RuleFile::isDrl)) {
            throw new AdvisorException(Problem.of(display, "no `.drl` rule files found"));
        }
        return out;
    }

    /** @return whether this is a DRL file */
    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    /** @return the name with {@code .drl} or {@code .toml} taken off, which pairs a DRL file with its docs */
    public String stem() {
        return name.substring(0, name.lastIndexOf('.'));
    }
}
