package dev.profileadvisor.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profileadvisor.cargo.RealCargo.BuildResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Pins down what the real cargo (1.95) passes to rustc for a few profiles. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RealCargoTest {
    private static RealCargo cargo;

    @BeforeAll
    static void locateCargo() {
        cargo = RealCargo.locate();
    }

    private static BuildResult build(String manifestExtra, String profile) {
        BuildResult result = cargo.build(manifestExtra, profile);
        assertThat(result.succeeded()).as("%s build with %s:%n%s", profile, cargo.version(), result.output()).isTrue();
        return result;
    }

    @Test
    void an_empty_dev_profile_gives_debuginfo_and_incremental() {
        assertThat(build("", "dev").binFlags())
                .containsExactlyInAnyOrder("-C embed-bitcode=no", "-C debuginfo=2", "-C incremental=<dir>");
    }

    @Test
    void an_empty_release_profile_gives_opt_level_3_and_strips_debuginfo() {
        assertThat(build("", "release").binFlags())
                .containsExactlyInAnyOrder("-C opt-level=3", "-C embed-bitcode=no", "-C strip=debuginfo");
    }

    @Test
    void fat_lto_with_one_codegen_unit_replaces_embed_bitcode_in_release() {
        assertThat(build("[profile.release]\nlto = \"fat\"\ncodegen-units = 1\n", "release").binFlags())
                .containsExactlyInAnyOrder("-C opt-level=3", "-C lto=fat", "-C codegen-units=1", "-C strip=debuginfo");
    }

    @Test
    void a_misspelt_profile_key_is_reported_as_an_unused_manifest_key() {
        assertThat(build("[profile.release]\ncodegen-unit = 1\n", "release").warnings())
                .anySatisfy(w -> assertThat(w).contains("unused manifest key: profile.release.codegen-unit"));
    }

    @Test
    void a_custom_profile_inheriting_release_can_abort_on_panic() {
        assertThat(build("[profile.dist]\ninherits = \"release\"\npanic = \"abort\"\n", "dist").binFlags())
                .contains("-C panic=abort");
    }

    @Test
    void opt_level_4_makes_the_build_fail_in_rustc() {
        BuildResult result = cargo.build("[profile.release]\nopt-level = 4\n", "release");
        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("optimization level needs to be between 0-3");
    }
}
