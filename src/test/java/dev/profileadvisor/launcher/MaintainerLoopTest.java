package dev.profileadvisor.launcher;

import dev.profileadvisor.launcher.LauncherCopy.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 15: a maintainer breaks a rule under {@code rules/}. With {@code --rules} the launcher runs the jar
 * it has (an edit under rules/ or knowledge/ does not make it rebuild) and the error comes with its file:line; the
 * package build refuses a bundled rule that does not compile, naming the file; the launcher then keeps the previous
 * jar, whose bundled rules are still the good ones, so the loop goes on; an edit under src/main still rebuilds. Runs
 * the real launcher on a copy of the project without the start-up cache (built once; the failing builds stop before
 * the jar is packed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintainerLoopTest {
    static final Map<String, String> NO_CDS = Map.of("CPA_NO_CDS", "1");
    static final String DRL = "rules/recommend/20-constraints.drl";
    static LauncherCopy copy;
    static String where; // rules/recommend/20-constraints.drl:LINE: of the broken condition
    static FileTime built;

    @BeforeAll
    static void buildThenBreakARule() throws Exception {
        copy = LauncherCopy.create();
        Run version = copy.launch(NO_CDS, "--version");
        assertThat(version.code()).as(version.err()).isZero();
        built = Files.getLastModifiedTime(copy.jar());
        int line = copy.edit(DRL, "GoalRequest( goal == \"catch-panics\" )", "GoalRequest( gaol == \"catch-panics\" )");
        where = DRL + ":" + line + ":";
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (copy != null) copy.delete();
    }

    @Test
    @Order(1)
    void withRulesTheWorkingCopyIsCheckedWithoutARebuild() throws Exception {
        Run lint = copy.probe(NO_CDS, "rules", "lint", "--rules", "rules/"); // an mvn here would fail: none is run
        assertThat(copy.mvnRuns()).as("no build for an edit under rules/").isEqualTo(1);
        assertThat(lint.code()).isEqualTo(2);
        assertThat(lint.err()).contains("error: " + where).contains("`GoalRequest` has no field `gaol`");
    }

    @Test
    @Order(2)
    void theLaunchersBuildFailsOnTheBrokenRuleAndKeepsThePreviousJar() throws Exception {
        Run plain = copy.launch(NO_CDS, "recommend", "--goal", "small-binary"); // uses the bundled rules: rebuilds
        assertThat(copy.mvnRuns()).isEqualTo(2);
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err()).contains("error: " + where).contains("`GoalRequest` has no field `gaol`")
                .contains("check-bundled-rules").contains("error: building cargo-profile-advisor failed")
                .doesNotContainPattern("\\n\\s+at [\\w.$]+ ?\\(");
        assertThat(Files.getLastModifiedTime(copy.jar())).as("the previous jar is back").isEqualTo(built);

        // its bundled rules are the good ones (run it directly: the launcher would try to build again)
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-jar", copy.jar().toString(), "recommend", "--format", "toml", "--goal", "small-binary",
                "--goal", "catch-panics").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("lto = \"fat\"").doesNotContain("panic = \"abort\"");

        // and the loop goes on: the working copy is still checked with that jar, without a build
        Run lint = copy.probe(NO_CDS, "rules", "lint", "--rules", "rules/");
        assertThat(lint.err()).contains("error: " + where);
        assertThat(copy.mvnRuns()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void mvnPackageFailsNamingTheRuleFile() throws Exception {
        Path log = copy.root.resolve("mvn-package.log");
        ProcessBuilder pb = new ProcessBuilder("mvn", "-q", "-B", "-Dstyle.color=never", "-Dmaven.test.skip=true", "package")
                .directory(copy.repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putIfAbsent("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process mvn = pb.start();
        assertThat(mvn.waitFor(300, TimeUnit.SECONDS)).as("mvn package finished").isTrue();
        String output = Files.readString(log);
        assertThat(mvn.exitValue()).as(output).isNotZero();
        assertThat(output).contains("error: " + where).contains("check-bundled-rules");
        assertThat(Files.getLastModifiedTime(copy.jar())).as("no jar was packed").isEqualTo(built);
    }

    @Test
    @Order(4)
    void editsOfWhatTheRunReadsFromTheJarStillRebuild() throws Exception {
        int builds = copy.mvnRuns();
        // knowledge/ without --knowledge: the bundled knowledge is used, so it must be current
        copy.edit("knowledge/goals.toml", "[", "[");
        copy.probe(NO_CDS, "rules", "lint", "--rules", "rules/");
        assertThat(copy.mvnRuns()).isEqualTo(builds + 1);
        // src/main with both working copies: the classes must be current
        copy.edit("src/main/java/dev/profileadvisor/cli/Main.java", "package", "package");
        copy.probe(NO_CDS, "rules", "lint", "--rules", "rules/", "--knowledge", "knowledge/");
        assertThat(copy.mvnRuns()).isEqualTo(builds + 2);
    }
}
