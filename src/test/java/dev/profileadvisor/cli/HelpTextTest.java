package dev.profileadvisor.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `--help` of every command reads well in an 80-column terminal: nothing is cut in the middle of a word or an option. */
class HelpTextTest {
    /**
     * A line that may end inside a token: after a hyphen, slash, bracket or {@code =}, or after the dot of a path
     * ({@code /openapi.}), but not after the ellipsis of a repeatable option ({@code [-D=ID]...}); it does when the token
     * goes on at the start of the next line.
     */
    static final Pattern ENDS_INSIDE_A_TOKEN = Pattern.compile("(\\S[-/\\[=]|\\S*[/.]\\S*(?<!\\.\\.)\\.)$");
    static final Pattern GOES_ON_A_TOKEN = Pattern.compile("^\\s*[a-z0-9\\[=]");

    /** Every command a user can ask help for, as typed: {@code []}, {@code [recommend]}, {@code [rules, list]}. */
    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new Main()), List.of(), all);
        return all;
    }

    private static void collect(CommandLine c, List<String> path, List<List<String>> all) {
        all.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, all);
        });
    }

    static String help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).isZero();
        return r.out();
    }

    @TestFactory
    Stream<DynamicTest> noHelpLineIsWiderThanEightyColumnsOrEndsInsideAWordOrAnOption() {
        return commands().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c) + " --help", () -> {
            List<String> lines = help(c).lines().toList();
            assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
            assertThat(lines).as("no option is separated from its value").noneMatch(l -> l.endsWith("--format") || l.endsWith("--goal"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                String a = lines.get(i).stripTrailing();
                String b = lines.get(i + 1);
                // `[-g=GOAL[=WEIGHT]]...` ends a repeatable option, not a token cut in the middle
                assertThat(ENDS_INSIDE_A_TOKEN.matcher(a).find() && !a.endsWith("]...") && GOES_ON_A_TOKEN.matcher(b).find()
                        || b.strip().startsWith("[="))
                        .as("line %d is cut inside a token:%n%s%n%s", i + 1, a, b).isFalse();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsPrintedWholeOnIndentedLines() {
        return commands().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c) + " --help", () -> {
            List<String> lines = help(c).lines().toList();
            int start = lines.indexOf("Examples:");
            if (start < 0) return;
            for (int i = start + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
                assertThat(lines.get(i)).as("an example line that spilled to the margin").startsWith("  ");
            }
        }));
    }

    @Test
    void theLongExamplesGoOnOnAnIndentedLineLikeAShellCommand() {
        assertThat(help(List.of("recommend"))).contains("  cargo-profile-advisor recommend --goal fast-runtime=2 --goal fast-compile \\\n"
                + "      --format json\n");
        assertThat(help(List.of("audit"))).contains("  cargo-profile-advisor audit --manifest-path path/to/Cargo.toml \\\n"
                + "      --goal small-binary\n");
    }

    @Test
    void theEndpointsAndTheirDescriptionAreNotCutInTheCommandList() {
        assertThat(help(List.of())).contains("  serve      Serve the advisor as a JSON HTTP API.\n");
        assertThat(help(List.of("serve"))).contains("GET /openapi.json describes them.\n");
    }

    @Test
    void theSynopsisWrapsBetweenOptionsNeverInsideOne() {
        assertThat(help(List.of("apply"))).contains(" -g=GOAL[=WEIGHT] [-g=GOAL[=WEIGHT]]...\n", " [--target-cpu=LEVEL]\n");
    }
}
