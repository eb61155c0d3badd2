package dev.profileadvisor.readme;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java example in docs/java-api.md ("Use it as a library"), held here line for line so that it compiles and runs
 * (in a package of its own, so it only uses what is public):
 * {@link #readmeShowsExactlyTheCodeOfThisTest()} fails when the two drift apart.
 */
class ReadmeExampleTest {
    /** The README's example, verbatim between the markers (imports at the top of this file). */
    static void example() {
        // README example begins
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();   // compiles the rules once (about a second); share it
        Recommendation r = advisor.recommend(Request.goals("small-binary", "catch-panics").profile("release"));
        System.out.print(r.toml());                               // [profile.release] with a comment on every line
        r.setting("lto").ifPresent(lto -> System.out.println("lto = " + lto.toml() + ": " + lto.reason()));
        System.out.println(JsonDocuments.write(JsonDocuments.recommendation(r)));   // what --format json prints
        Explanation strip = advisor.explain("strip");             // a setting, goal, rule or correction, as `explain`
        System.out.println(strip.id() + " is a " + strip.getClass().getSimpleName());
        try {
            advisor.recommend(Request.goals("smallest"));
        } catch (AdvisorException e) {
            e.problems().forEach(p -> System.out.println(p.message()));   // unknown goal `smallest`; closest known: …
        }
        // README example ends
    }

    @Test
    void theExampleRunsAndPrintsWhatTheCommentsSay() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("[profile.release]\n").contains("lto = \"fat\": `lto = \"fat\"` scores best")
                .contains("\"schemaVersion\" : 2").contains("strip is a OfSetting")
                .contains("unknown goal `smallest`; closest known: `small-binary`");
    }

    @Test
    void readmeShowsExactlyTheCodeOfThisTest() throws IOException {
        String readme = Files.readString(Path.of("docs/java-api.md"));
        Matcher block = Pattern.compile("## Use it as a library\n.*?```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has a ```java block under \"Use it as a library\"").isTrue();
        List<String> shown = Arrays.stream(block.group(1).split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        String source = Files.readString(Path.of("src/test/java/dev/profileadvisor/readme/ReadmeExampleTest.java"));
        List<String> imports = shown.stream().filter(l -> l.startsWith("import ")).toList();
        List<String> code = shown.stream().filter(l -> !l.startsWith("import ")).toList();
        assertThat(imports).isNotEmpty();
        for (String i : imports) assertThat(source).as("this test imports what the README imports").contains("\n" + i + "\n");
        String held = source.substring(source.indexOf("// README example begins") + "// README example begins".length(),
                source.indexOf("// README example ends"));
        List<String> here = Arrays.stream(held.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(code).as("the README's Java example, line for line").isEqualTo(here);
    }
}
