package dev.profileadvisor.knowledge;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** knowledge/measurements.toml: a measured criterion's score is derived from the median change, and the reason quotes it. */
class MeasuredEffectsTest {
    @Test
    void theScoreFollowsTheMedianChangeBeyondTheCriterionsNoise() {
        assertThat(new MeasuredEffect("size", Map.of("a", -46.0, "b", -44.0, "c", -49.0)).score()).isEqualTo(3);
        assertThat(new MeasuredEffect("size", Map.of("a", 6.0, "b", 2.0)).score()).as("larger is worse").isEqualTo(-1);
        assertThat(new MeasuredEffect("size", Map.of("a", -0.5, "b", -0.7)).score()).as("within noise").isZero();
        assertThat(new MeasuredEffect("build-time", Map.of("a", -8.0)).score()).as("rebuild times jitter: 10 % is noise").isZero();
        assertThat(new MeasuredEffect("runtime", Map.of("a", -7.7, "b", 2.6, "c", -3.8)).score()).isEqualTo(1);
        assertThat(new MeasuredEffect("size", Map.of("a", -46.0, "b", -44.0, "c", -49.0)).text())
                .isEqualTo("\u221246.0 % size on 3 programs, range \u221249.0 % \u2026 \u221244.0 % (measured)");
    }

    @Test
    void aMeasurementReplacesTheHandSetScoreAndTheReasonQuotesIt(@TempDir Path tmp) throws Exception {
        WorkingCopy wc = new WorkingCopy(tmp);
        // only this measurement: opt-level "s" shrinks by a fifth on both programs, a +3 for size instead of the hand-set +1
        java.nio.file.Files.writeString(wc.knowledge.resolve("measurements.toml"), "[[measured]]\nsetting = \"opt-level\"\nvalue = \"s\"\n"
                + "criterion = \"size\"\ndeltas = { hexyl = -20.5, logscan = -21.5 }\n");
        ProfileAdvisor advisor = wc.load();
        Effect s = advisor.knowledge().effects().stream().filter(e -> e.setting().equals("opt-level") && e.value().equals("s")
                && e.scope().equals("profile")).findFirst().orElseThrow();
        assertThat(s.scores()).containsEntry("size", 3);
        assertThat(s.isMeasured("size")).isTrue();
        assertThat(s.isMeasured("runtime")).isFalse();
        assertThat(s.sources()).contains("measured-programs");
        SettingAdvice opt = advisor.recommend(Request.goals("small-binary")).setting("opt-level").orElseThrow();
        String argument = opt.reason() + String.join(" ", opt.overruled().stream().map(o -> o.reason()).toList());
        assertThat(argument).as("the line for opt-level quotes the measurement, where `s` wins or loses").contains("small-binary size +3: \u221221.0 % size on 2 programs, range \u221221.5 % \u2026 \u221220.5 % (measured)");
    }

    @Test
    void aMalformedMeasurementIsReportedAtItsLine(@TempDir Path tmp) {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.knowledge.resolve("measurements.toml"), "\n[[measured]]\nsetting = \"opt-level\"\nvalue = \"q\"\n"
                + "criterion = \"speed\"\ndeltas = { hexyl = \"small\" }\n");
        assertThatThrownBy(wc::load).isInstanceOf(AdvisorException.class)
                .hasMessageContaining("measurements.toml")
                .hasMessageContaining("`q` is not a value of `opt-level`")
                .hasMessageContaining("`speed` is not measured")
                .hasMessageContaining("must be a number");
    }
}
