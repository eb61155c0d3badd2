package dev.profileadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a sidecar's template and its parts become the text a user reads. */
class MessageTemplateTest {
    static final Map<String, List<String>> PARTS = Map.of(
            "suggestion", List.of("; did you mean `{closest}`?"),
            "from", List.of("the value it inherits from `{parent}`", "cargo's default"));

    @Test
    void aPartIsShownWhenAllItsValuesAreThere() {
        assertThat(MessageTemplate.fill("unknown key `{key}`{suggestion}", PARTS, Map.of("key", "lto-x", "closest", "lto")))
                .isEqualTo("unknown key `lto-x`; did you mean `lto`?");
    }

    @Test
    void aPartWithAnEmptyValueIsLeftOutWhole() {
        assertThat(MessageTemplate.fill("unknown key `{key}`{suggestion}", PARTS, Map.of("key", "zzz", "closest", "")))
                .isEqualTo("unknown key `zzz`");
        assertThat(MessageTemplate.fill("unknown key `{key}`{suggestion}", PARTS, Map.of("key", "zzz")))
                .isEqualTo("unknown key `zzz`");
    }

    @Test
    void theFirstAlternativeWhoseValuesAreAllThereIsUsed() {
        assertThat(MessageTemplate.fill("restates {from}", PARTS, Map.of("parent", "release"))).isEqualTo("restates the value it inherits from `release`");
        assertThat(MessageTemplate.fill("restates {from}", PARTS, Map.of("parent", ""))).isEqualTo("restates cargo's default");
    }

    @Test
    void aPlaceholderNamingNeitherAValueNorAPartIsLeftAsWritten() {
        assertThat(MessageTemplate.fill("`{key}` {nothing}", PARTS, Map.of("key", "lto"))).isEqualTo("`lto` {nothing}");
    }
}
