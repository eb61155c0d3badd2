package dev.profileadvisor.bench;

import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Warm throughput of the audit of a typical manifest (text in, report out) on one shared advisor. */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-XX:+UseParallelGC") // the throughput collector: faster than G1 on two cores (docs/architecture.md)
public class AuditBenchmark {
    /** A release profile with the seed's settings, a custom profile and a typo: what real manifests look like. */
    static final String MANIFEST = """
            [package]
            name = "demo"
            version = "0.1.0"
            edition = "2021"
            rust-version = "1.70"

            [dependencies]
            serde = "1"

            [profile.release]
            lto = true
            strip = true
            opt-level = 3
            panic = "abort"
            codegen-units = 1
            debug = "line-tables-only"

            [profile.dist]
            inherits = "release"
            codegen-unit = 4
            """;

    ProfileAdvisor advisor;

    /** Loads the bundled knowledge and rules. */
    @Setup
    public void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    /** @return the report */
    @Benchmark
    public AuditReport audit() {
        return advisor.auditText(MANIFEST, Optional.empty(), Map.of(), List.of());
    }

    /** @return the report, checked against a goal as well */
    @Benchmark
    public AuditReport auditWithGoal() {
        return advisor.auditText(MANIFEST, Optional.empty(), Map.of(), List.of(GoalWeight.parse("small-binary")));
    }
}
