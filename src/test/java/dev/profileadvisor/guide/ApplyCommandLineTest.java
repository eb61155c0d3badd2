package dev.profileadvisor.guide;

import dev.profileadvisor.GoalWeight;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed {@code apply} command line: words a shell gives back unchanged. */
class ApplyCommandLineTest {
    @Test
    void plainWordsStayAsTheyAre() {
        assertThat(ApplyCommandLine.of(new Choices(Optional.of("dist"), Optional.of("release"),
                        List.of(new GoalWeight("small-binary", 3), new GoalWeight("fast-compile", 1))),
                List.of("--manifest-path", "crates/app/Cargo.toml")))
                .isEqualTo("cargo-profile-advisor apply --goal small-binary=3 --goal fast-compile --profile dist --inherits release "
                        + "--manifest-path crates/app/Cargo.toml");
    }

    @Test
    void bashReadsEveryQuotedWordBackUnchanged() throws Exception {
        List<String> words = List.of("my crate", "it's", "", "$HOME", "~/x", "a*b", "back\\slash", "new\nline", "tab\there",
                "\"double\"", "semi;colon", "é/ü", "!bang", "a=b", "--manifest-path=x y");
        List<String> quoted = new ArrayList<>();
        for (String w : words) quoted.add(ApplyCommandLine.quote(w));

        Process bash = new ProcessBuilder("bash", "-c", "for w in " + String.join(" ", quoted) + "; do printf '%s\\0' \"$w\"; done")
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).isZero();
        assertThat(out.split("\0", -1)).containsExactlyElementsOf(withEmptyLast(words));
    }

    private static List<String> withEmptyLast(List<String> words) {
        List<String> l = new ArrayList<>(words);
        l.add(""); // after the last NUL
        return l;
    }
}
