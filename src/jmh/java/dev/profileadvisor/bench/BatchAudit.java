package dev.profileadvisor.bench;

import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.ProfileAdvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Batch audit of a directory tree after start-up: audits it repeatedly for {@code warm-up} seconds (the JIT needs
 * about 20 passes over the 321-manifest corpus to settle), then times {@code passes} more audits, and prints
 * manifests/s over all of them, the median pass and the range (one pass on this shared machine can be a third
 * slower than the next), and the process's peak RSS. Usage: {@code BatchAudit DIR [PASSES] [WARM-UP-SECONDS]}.
 */
public final class BatchAudit {
    private BatchAudit() {
    }

    /**
     * @param args the directory, and optionally the number of timed passes
     * @throws Exception when the directory cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 15;
        long manifests;
        try (Stream<Path> walk = Files.walk(dir)) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).count();
        }
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        AuditRequest request = new AuditRequest(List.of(dir), List.of(), Map.of(), dir);
        long warmUpEnd = System.nanoTime() + (long) (warmUp * 1e9);
        int warmUpPasses = 0;
        do {
            advisor.audit(request);
            warmUpPasses++;
        } while (System.nanoTime() < warmUpEnd);
        long start = System.nanoTime();
        AuditReport last = null;
        double[] rates = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t = System.nanoTime();
            last = advisor.audit(request);
            rates[i] = manifests / ((System.nanoTime() - t) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        java.util.Arrays.sort(rates);
        double median = passes % 2 == 1 ? rates[passes / 2] : (rates[passes / 2 - 1] + rates[passes / 2]) / 2;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ? kB").replaceAll("\\s+", " ");
        System.out.printf("batch audit: %d manifests x %d passes in %.2f s = %.0f manifests/s (median pass %.0f/s, range %.0f-%.0f) after %d warm-up passes; %d workspaces, %d findings; peak RSS %s%n",
                manifests, passes, seconds, manifests * passes / seconds, median, rates[0], rates[passes - 1], warmUpPasses,
                last.workspaces().size(), last.findings().size(), hwm);
    }
}
