package dev.profileadvisor.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One fuzz input as the targets read it: a manifest, optionally followed by a {@code .cargo/config.toml} and
 * {@code KEY=VALUE} environment lines, each section after a marker line. A seed is then a readable file (a plain
 * {@code Cargo.toml} is a seed as it is), and the fuzzer can grow or drop the sections.
 *
 * <pre>
 * [package]
 * name = "x"
 * #--- config
 * [profile.release]
 * lto = true
 * #--- env
 * CARGO_PROFILE_RELEASE_DEBUG=2
 * </pre>
 *
 * @param manifest the manifest text
 * @param config   the config file text, when the input has the marker
 * @param env      the environment lines, when the input has the marker
 */
public record FuzzInput(String manifest, Optional<String> config, Map<String, String> env) {
    /** The largest input a target reads: real manifests are a few KB, and this keeps each run short. */
    public static final int MAX_BYTES = 64 * 1024;
    /**
     * The longest run of comment or blank lines a target accepts. tomlj takes time roughly cubic in such a run
     * (issue 19, section 0, item 1: 500 lines take 2.3 s): with longer runs the fuzzer would only rediscover that one
     * slowness. Raise this to {@link #MAX_BYTES} once the parse is linear.
     */
    public static final int MAX_COMMENT_RUN = 64;
    static final String CONFIG = "#--- config\n";
    static final String ENV = "#--- env\n";

    /**
     * @param data the fuzzer's bytes
     * @return the input, or empty when it is over the bounds above or not UTF-8 (the readers refuse that with a
     *         message before parsing: {@code BadInputCatalogTest} covers it)
     */
    public static Optional<FuzzInput> of(byte[] data) {
        if (data.length > MAX_BYTES) return Optional.empty();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (longestCommentRun(text) > MAX_COMMENT_RUN) return Optional.empty();
        String manifest = text;
        Optional<String> config = Optional.empty();
        Map<String, String> env = new LinkedHashMap<>();
        int e = manifest.indexOf(ENV);
        if (e >= 0) {
            for (String line : manifest.substring(e + ENV.length()).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
            }
            manifest = manifest.substring(0, e);
        }
        int c = manifest.indexOf(CONFIG);
        if (c >= 0) {
            config = Optional.of(manifest.substring(c + CONFIG.length()));
            manifest = manifest.substring(0, c);
        }
        return Optional.of(new FuzzInput(manifest, config, env));
    }

    /** @return the most consecutive lines that are blank or only a comment (any line ending) */
    static int longestCommentRun(String text) {
        int longest = 0;
        int run = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) longest = Math.max(longest, ++run);
            else run = 0;
        }
        return longest;
    }
}
