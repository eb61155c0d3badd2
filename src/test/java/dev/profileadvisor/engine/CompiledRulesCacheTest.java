package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;
import dev.profileadvisor.facts.Decision;
import dev.profileadvisor.facts.Note;

import dev.profileadvisor.AdvisorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compiled-rules cache the launcher turns on ({@code -Dcpa.rules.cache}): it is read back instead of compiling,
 * it is named after the rule texts and the build so a changed rule never meets an old file, and a corrupt or
 * unwritable cache only costs a compilation. Compiling in the background gives the same rules and the same errors.
 */
class CompiledRulesCacheTest {
    @TempDir
    Path dir;

    static List<RuleFile> rules(String noteRule) {
        return List.of(new RuleFile("rules/t/notes.drl", "t", """
                package t;
                import dev.profileadvisor.facts.Decision;
                import dev.profileadvisor.facts.Note;

                rule "note-lto"
                when
                    Decision( key == "lto" )
                then
                    insert( new Note( "profile", "lto", "%s" ) );
                end
                """.formatted(noteRule)));
    }

    static List<Note> notes(RuleBase rules) {
        return rules.run(List.of(new Decision("profile", "lto", "fat"))).all(Note.class);
    }

    static List<Path> cacheFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ser")).sorted().toList();
        }
    }

    @Test
    void theFirstCompilationIsWrittenAndLaterOnesReadIt() throws Exception {
        Path cache = dir.resolve("cache/rules-t.ser");
        assertThat(notes(CompiledRulesCache.compile(rules("first"), cache))).containsExactly(new Note("profile", "lto", "first"));
        assertThat(cache).isRegularFile();
        // Proof that the file is what gets loaded: other rule texts under the same file name give the cached rules.
        // (RuleSets never does this: its file names cover the texts; see the next test.)
        assertThat(notes(CompiledRulesCache.compile(rules("second"), cache))).containsExactly(new Note("profile", "lto", "first"));
        assertThat(cacheFiles(cache.getParent())).containsExactly(cache); // no temporary file left behind
    }

    @Test
    void aChangedRuleOrAnotherBuildGetsItsOwnFile() throws Exception {
        Path cache = dir.resolve("cache");
        assertThat(notes(new RuleSets(rules("first"), Optional.of(cache), "jar-1").concern("t"))).containsExactly(new Note("profile", "lto", "first"));
        assertThat(notes(new RuleSets(rules("second"), Optional.of(cache), "jar-1").concern("t"))).containsExactly(new Note("profile", "lto", "second"));
        assertThat(notes(new RuleSets(rules("first"), Optional.of(cache), "jar-2").concern("t"))).containsExactly(new Note("profile", "lto", "first"));
        assertThat(cacheFiles(cache)).hasSize(3).allSatisfy(p -> assertThat(p.getFileName().toString()).matches("rules-t-[0-9a-f]{24}\\.ser"));
        // the same texts and build find the file again
        assertThat(notes(new RuleSets(rules("second"), Optional.of(cache), "jar-1").concern("t"))).containsExactly(new Note("profile", "lto", "second"));
        assertThat(cacheFiles(cache)).hasSize(3);
    }

    @Test
    void aCorruptOrTruncatedFileIsRecompiledAndReplaced() throws Exception {
        Path cache = dir.resolve("rules-t.ser");
        CompiledRulesCache.compile(rules("good"), cache);
        byte[] good = Files.readAllBytes(cache);

        Files.write(cache, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(notes(CompiledRulesCache.compile(rules("good"), cache))).containsExactly(new Note("profile", "lto", "good"));
        assertThat(Files.size(cache)).isEqualTo(good.length);

        byte[] noise = new byte[5_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(cache, noise);
        assertThat(notes(CompiledRulesCache.compile(rules("good"), cache))).containsExactly(new Note("profile", "lto", "good"));
        assertThat(Files.size(cache)).isEqualTo(good.length);

        Files.writeString(cache, "");
        assertThat(notes(CompiledRulesCache.compile(rules("good"), cache))).containsExactly(new Note("profile", "lto", "good"));
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTime() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        // the cache's directory would be below a regular file: it cannot exist
        assertThat(notes(CompiledRulesCache.compile(rules("ok"), file.resolve("rules-t.ser")))).containsExactly(new Note("profile", "lto", "ok"));
        Path directoryInTheWay = dir.resolve("rules-u.ser");
        Files.createDirectories(directoryInTheWay.resolve("junk"));
        assertThat(notes(CompiledRulesCache.compile(rules("ok"), directoryInTheWay))).containsExactly(new Note("profile", "lto", "ok"));
    }

    @Test
    void brokenRulesAreNeverCachedAndReportTheirErrors() {
        List<RuleFile> broken = List.of(new RuleFile("rules/t/broken.drl", "t", "package t;\nrule \"x\"\nwhen\n    NoSuchFact()\nthen\nend\n"));
        Path cache = dir.resolve("rules-t.ser");
        assertThatThrownBy(() -> CompiledRulesCache.compile(broken, cache)).isInstanceOf(AdvisorException.class)
                .hasMessageContaining("rules/t/broken.drl:4");
        assertThat(cache).doesNotExist();
    }

    @Test
    void compilingInTheBackgroundGivesTheSameRulesAndTheSameErrors() {
        RuleSets sets = new RuleSets(rules("bg"));
        sets.compileInBackground("t");
        assertThat(notes(sets.concern("t"))).containsExactly(new Note("profile", "lto", "bg"));

        RuleSets broken = new RuleSets(List.of(new RuleFile("rules/t/broken.drl", "t",
                "package t;\nrule \"x\"\nwhen\n    NoSuchFact()\nthen\nend\n")));
        broken.compileInBackground("t");
        assertThatThrownBy(() -> broken.concern("t")).isInstanceOf(AdvisorException.class)
                .hasMessageContaining("rules/t/broken.drl:4");
        // asking again reports the same problem (the failed compilation is not retried, nor hidden)
        assertThatThrownBy(() -> broken.concern("t")).isInstanceOf(AdvisorException.class)
                .hasMessageContaining("unknown fact type `NoSuchFact`");
    }
}
