package dev.profileadvisor.facts;

import java.util.Map;

/**
 * What a target rule concluded (derived fact): a line for the host's {@code [target.TRIPLE]} table of
 * {@code .cargo/config.toml} ({@code kind} {@code rustflag}: a {@code -C OPTION=VALUE}; {@code linker}: the linker
 * driver), or a remark about target settings ({@code note}). Its text is the rule's documented message, with
 * {@code {name}} placeholders filled from {@code args}.
 *
 * @param rule   rule id
 * @param kind   {@code rustflag}, {@code linker} or {@code note}
 * @param option the codegen option ({@code target-cpu}, {@code link-arg}, {@code force-frame-pointers}); for a linker
 *               {@code linker}; for a note what it is about ({@code target-cpu}, {@code linker})
 * @param value  the option's value ({@code x86-64-v3}, {@code -fuse-ld=mold}, {@code yes}), the linker's program
 *               ({@code clang}); empty for a note
 * @param args   placeholder values
 */
public record TargetAdvice(String rule, String kind, String option, String value, Map<String, String> args) {
    /**
     * Copies the args.
     *
     * @param rule   rule id
     * @param kind   {@code rustflag}, {@code linker} or {@code note}
     * @param option the codegen option, {@code linker}, or what a note is about
     * @param value  the option's value or the linker's program; empty for a note
     * @param args   placeholder values
     */
    public TargetAdvice {
        args = Map.copyOf(args);
    }

    /**
     * @param rule   rule id
     * @param kind   {@code rustflag}, {@code linker} or {@code note}
     * @param option the codegen option, {@code linker}, or what a note is about
     * @param value  the option's value or the linker's program; empty for a note
     * @param kv     alternating names and values, as for {@link Finding#at}
     * @return the advice
     */
    public static TargetAdvice at(String rule, String kind, String option, String value, String... kv) {
        java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) args.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        return new TargetAdvice(rule, kind, option, value, args);
    }
}
