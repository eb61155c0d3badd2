package dev.profileadvisor.manifest;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One {@link Project.Loader} per audit reads each file once: the members of a workspace share the root manifest,
 * the member manifests and the config files (before, every member re-read all of them: auditing a 201-manifest
 * workspace took 2.8 s, and one of 2,001 manifests did not finish in ten minutes; now 0.14 s and under 1 s). What it
 * loads is what {@link Project#load} loads.
 */
class ProjectLoaderTest {
    static Knowledge knowledge;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadKnowledge() {
        knowledge = KnowledgeLoader.load(Path.of("knowledge"), "knowledge");
    }

    void workspace(int members) throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/*\"]\n\n[profile.release]\nlto = true\n");
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), "[profile.release]\ncodegen-units = 1\n");
        for (int i = 0; i < members; i++) {
            Path c = Files.createDirectories(dir.resolve("crates/c" + i + "/src"));
            Files.writeString(c.getParent().resolve("Cargo.toml"), "[package]\nname = \"c" + i + "\"\nversion = \"0.1.0\"\n");
            Files.writeString(c.resolve("lib.rs"), "");
        }
    }

    @Test
    void membersShareTheFilesOfTheirWorkspace() throws Exception {
        workspace(3);
        Project.Loader loader = new Project.Loader(dir, Map.of(), knowledge);
        Project a = loader.load(dir.resolve("crates/c0/Cargo.toml"));
        Project b = loader.load(dir.resolve("crates/c1/Cargo.toml"));
        Project root = loader.load(dir.resolve("Cargo.toml"));
        assertThat(b.root()).isSameAs(a.root()).isSameAs(root.root());
        assertThat(b.configs()).hasSize(1);
        assertThat(b.configs().get(0)).isSameAs(a.configs().get(0));
        assertThat(b.members()).hasSize(3);
        for (int i = 0; i < 3; i++) assertThat(b.members().get(i)).isSameAs(a.members().get(i)).isSameAs(root.members().get(i));
    }

    @Test
    void whatItLoadsIsWhatAFreshLoadGives() throws Exception {
        workspace(3);
        Project.Loader loader = new Project.Loader(dir, Map.of("CARGO_PROFILE_RELEASE_DEBUG", "true"), knowledge);
        for (String m : List.of("crates/c2/Cargo.toml", "Cargo.toml", "crates/c0/Cargo.toml")) {
            Path manifest = dir.resolve(m);
            assertThat(loader.load(manifest)).isEqualTo(Project.load(manifest, dir, Map.of("CARGO_PROFILE_RELEASE_DEBUG", "true"), knowledge));
        }
    }

    @Test
    void aBrokenManifestIsReportedEachTimeItIsNamed() throws Exception {
        workspace(1);
        Files.writeString(dir.resolve("crates/c0/Cargo.toml"), "[package\n");
        Project.Loader loader = new Project.Loader(dir, Map.of(), knowledge);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> loader.load(dir.resolve("crates/c0/Cargo.toml"))).isInstanceOf(AdvisorException.class)
                    .hasMessageContaining("Cargo.toml:1:");
        }
    }
}
