package dev.profileadvisor.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a package's Rust sources show that its manifest cannot: a {@code catch_unwind} call. */
public final class SourceScan {
    private static final Pattern CATCH_UNWIND = Pattern.compile("\\bcatch_unwind\\b");
    /** Most {@code .rs} files read per package: the scan is a hint, not a parser. */
    private static final int MAX_SOURCE_FILES = 5_000;

    private SourceScan() {
    }

    /**
     * @param m a package manifest
     * @return {@code file:line} (relative, as the manifest is displayed) of the first line under {@code src/} that
     *         calls {@code catch_unwind} outside a line comment, or empty when none does or the sources cannot be read
     */
    public static String firstCatchUnwind(Manifest m) {
        Path src = m.dir().resolve("src");
        if (!Files.isDirectory(src)) return "";
        try (Stream<Path> walk = Files.walk(src, 16)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".rs")).limit(MAX_SOURCE_FILES).sorted().toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(p);
                } catch (IOException | UncheckedIOException e) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    Matcher x = CATCH_UNWIND.matcher(lines.get(i));
                    if (x.find() && !lines.get(i).trim().startsWith("//")) {
                        String shown = m.display().contains("/") ? m.display().substring(0, m.display().lastIndexOf('/') + 1) : "";
                        return shown + m.dir().relativize(p).toString().replace('\\', '/') + ":" + (i + 1);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        return "";
    }
}
