package dev.profileadvisor.cli;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.recommend.Request;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code --goal}, {@code --profile} and {@code --inherits}: what to recommend for (recommend, apply). */
final class RequestOptions {
    @Option(names = {"-g", "--goal"}, required = true, paramLabel = "GOAL[=WEIGHT]",
            description = "A goal id or alias, optionally weighted 1-10 (repeatable). See `goals`.")
    List<String> goals;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "Profile to write: dev, release, test, bench, profiling, or a custom name with --inherits. Default: chosen by the goals.")
    String profile;

    @Option(names = "--inherits", paramLabel = "PARENT", description = "Parent of a custom profile.")
    String inherits;

    @Option(names = "--target-cpu", paramLabel = "LEVEL",
            description = "With a goal that weighs runtime speed (fast-runtime): compile for this CPU (x86-64-v2, x86-64-v3, "
                    + "x86-64-v4, a CPU name, or native for this machine only), written to the host's [target.TRIPLE] rustflags "
                    + "in .cargo/config.toml. Checked against `rustc --print target-cpus`.")
    String targetCpu;

    @Option(names = "--measured", paramLabel = "FILE",
            description = "The JSON a measurement of this project printed (see `measure`): where it found another value best "
                    + "for a goal, that value wins over the knowledge's scores, and the line says what was measured.")
    java.nio.file.Path measured;

    @Option(names = "--no-project-goals", description = "Do not add the goals the project implies (catch-panics where the sources call catch_unwind).")
    boolean noProjectGoals;

    /** @return the request these options describe (weights parsed; a bad one is an AdvisorException) */
    Request request() {
        Request r = new Request(goals.stream().map(GoalWeight::parse).toList(), Optional.ofNullable(profile), Optional.ofNullable(inherits))
                .inferGoals(!noProjectGoals);
        if (measured != null) {
            dev.profileadvisor.json.MeasureDocuments.Measured m = dev.profileadvisor.json.MeasureDocuments.read(measured);
            r = r.measured(m.choices());
            if (profile == null) r = r.profile(m.profile());
        }
        return targetCpu == null ? r : r.targetCpu(targetCpu);
    }

    /**
     * @param r       the request
     * @param advisor the advisor, for the host its knowledge assumes when rustc cannot be asked
     * @return the request for this machine: its host triple, rustc, CPU names (when {@code --target-cpu} is given) and linkers
     */
    static Request onThisMachine(Request r, dev.profileadvisor.ProfileAdvisor advisor) {
        return r.host(dev.profileadvisor.recommend.HostProbe.detect(System.getenv(), advisor.knowledge().targets(),
                r.targetCpu().isPresent()));
    }
}
