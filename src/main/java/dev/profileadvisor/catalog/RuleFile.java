package dev.profileadvisor.catalog;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
     * @throws AdvisorException if the directory cannot be read or holds no DRL file; a {@code .drl} or {@code .toml}
     *                         that is not a regular file (a directory, a FIFO) or not UTF-8 is reported with its name
     */
    public static List<RuleFile> readTree(Path root, String display) {
        if (!Files.isDirectory(root)) {
            throw new AdvisorException(Problem.of(display, "not a directory: expected a folder of `.drl` rule files"));
        }
        List<RuleFile> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String f = p.getFileName() == null ? "" : p.getFileName().toString();
                if (!f.endsWith(".drl") && !f.endsWith(".toml")) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                String name = display + "/" + rel;
                // follows a symbolic link, as reading does; a FIFO is never opened (reading one would wait forever)
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
                if (!attrs.isRegularFile()) {
                    problems.add(Problem.of(name, "not a regular file (" + (attrs.isDirectory() ? "a directory" : "a FIFO, socket or device")
                            + "): a rule or docs file must be a plain file; rename or remove it"));
                    continue;
                }
                String concern = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                decoded(name, Files.readAllBytes(p), problems).ifPresent(text -> out.add(new RuleFile(name, concern, text)));
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String file = io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile() : display;
            throw new AdvisorException(Problem.of(file, "cannot read the rules: " + reason(io)));
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        if (out.stream().noneMatch(RuleFile::isDrl)) {
            throw new AdvisorException(Problem.of(display, "no `.drl` rule files found"));
        }
        return out;
    }

    /** The text of a file as UTF-8, or a problem at the line and column of the first byte that is not UTF-8. */
    static java.util.Optional<String> decoded(String name, byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, text, true);
        if (!r.isError()) r = decoder.flush(text);
        if (!r.isError()) return java.util.Optional.of(text.flip().toString());
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the column counts characters, as an editor shows them: decode the good bytes of the line before the bad one
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        problems.add(new Problem(name, line, column, String.format("not valid UTF-8: byte 0x%02x at offset %d; "
                + "rule and docs files are UTF-8 text", bytes[bad] & 0xff, bad)));
        return java.util.Optional.empty();
    }

    /** What went wrong reading, without the exception's class name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
