package dev.profileadvisor.engine;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.catalog.RuleFile;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Compiled rule packages kept in a file between runs, so that a cold start skips the DRL compiler. */
final class CompiledRulesCache {
    private CompiledRulesCache() {
    }

    /**
     * {@link RuleBase#compile}, through a file that keeps the compiled packages (Drools serialization) for the next run:
     * reading them back skips the DRL parser and the MVEL compiler, most of a cold start. The caller names the file
     * after everything the result depends on (the jar, the JVM, the rule texts). A file that cannot be read back
     * (corrupt, truncated, from another build) is ignored and replaced; failing to write one only costs time.
     *
     * @param files     the rule tree
     * @param cacheFile where the compiled packages are kept
     * @return the compiled rule base
     * @throws AdvisorException as {@link RuleBase#compile}
     */
    static RuleBase compile(List<RuleFile> files, Path cacheFile) {
        if (Files.isRegularFile(cacheFile)) {
            try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)),
                    RuleBase.class.getClassLoader())) {
                List<KiePackage> packages = new ArrayList<>();
                for (Object o : (List<?>) in.readObject()) packages.add((KiePackage) o);
                InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
                kieBase.addPackages(packages);
                return RuleBase.ofPackages(kieBase, files);
            } catch (Exception | LinkageError e) {
                // not a usable cache: compile and replace it below
            }
        }
        RuleBase compiled = RuleBase.compile(files);
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(cacheFile.getParent());
            try (ObjectOutputStream out = new DroolsObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeObject(new ArrayList<>(compiled.packages()));
            }
            Files.move(tmp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file in a cache directory is harmless
            }
        }
        return compiled;
    }
}
